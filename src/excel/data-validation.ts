/** Drop-down lists and input prompts through Range.dataValidation. */
import type { WriteOp } from '../core/types';

/**
 * A validation through `Range.dataValidation` (ExcelApi 1.8,
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation). Cleared first, as the reference's
 * own samples do: a rule set over cells that already hold other validation fails with InvalidArgument
 * (a rule over a range holding an earlier prompt: https://github.com/OfficeDev/office-js/issues/2594). Then the rule, then the prompt, a value
 * object set whole (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationprompt). An any-value
 * rule sets no rule at all: a prompt alone is a validation of its own, as the Office Scripts reference's
 * sample writes one (https://learn.microsoft.com/javascript/api/office-scripts/excelscript/excelscript.datavalidationprompt).
 */
export function queueDataValidation(
  validation: Excel.DataValidation,
  op: Extract<WriteOp, { op: 'setDataValidation' }>,
): void {
  validation.clear();
  if (op.rule.type === 'list') {
    validation.rule = { list: { inCellDropDown: true, source: op.rule.list.join(',') } };
  }
  if (op.prompt) {
    validation.prompt = { showPrompt: true, title: op.prompt.title, message: op.prompt.message };
  }
}
