/** The add-in's conditional formats, added below the city's own rules on the same cells. */
import type { ConditionalRule } from '../core/types';

/**
 * `conditionalFormats.add` puts a rule at the top; a priority beyond the collection's end moves it to
 * the bottom ("Priorities greater than the bounds will get and set to the maximum"), so the city's own
 * rules on those cells keep precedence, as in the xlsx host, and the add-in's follow in plan order.
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-priority-member
 */
const LOWEST_PRIORITY = 1_000_000;

export function queueConditionalFormat(range: Excel.Range, rule: ConditionalRule): void {
  const cf = queueRule(range, rule);
  cf.priority = LOWEST_PRIORITY;
}

function queueRule(range: Excel.Range, rule: ConditionalRule): Excel.ConditionalFormat {
  switch (rule.type) {
    case 'textEquals': {
      // Cell value equal to the text: an exact match, where containsText would also match "A" in "AB".
      const cf = range.conditionalFormats.add('CellValue');
      cf.cellValue.format.fill.color = rule.style.fill;
      if (rule.style.fontColor !== undefined) cf.cellValue.format.font.color = rule.style.fontColor;
      cf.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
      return cf;
    }
    case 'dataBar': {
      const cf = range.conditionalFormats.add('DataBar');
      cf.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
      cf.dataBar.upperBoundRule = { type: 'Number', formula: String(rule.max) };
      cf.dataBar.positiveFormat.fillColor = rule.color;
      cf.dataBar.positiveFormat.gradientFill = false;
      return cf;
    }
    case 'formula': {
      const cf = range.conditionalFormats.add('Custom');
      // Office.js takes the formula as typed in Excel's dialog, with its leading =.
      cf.custom.rule.formula = rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`;
      cf.custom.format.fill.color = rule.style.fill;
      if (rule.style.fontColor !== undefined) cf.custom.format.font.color = rule.style.fontColor;
      return cf;
    }
  }
}
