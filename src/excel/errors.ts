/**
 * Office.js errors as the pane shows them: a clear message in the user's language, plus what was and
 * was not applied when a write failed part-way (Office.js has no transactions).
 */
import { MessageError } from '../core/message-error';

export type Language = 'ja' | 'en';

/** Office's display language as the add-in speaks it: English for `en-*`, Japanese otherwise. */
export function officeLanguage(): Language {
  const display = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
  return display?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/** Where the run was when Excel refused. */
export type ExcelStage = 'read' | 'check' | 'write';

interface Message {
  readonly ja: string;
  readonly en: string;
}

/**
 * The two documented size limits (Excel on the web, 5 MB each way):
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */
const PAYLOAD: Message = {
  ja: 'データ量が Excel on the web の1回の送信上限 (5 MB) を超えました。シートを分けるか、デスクトップ版の Excel で実行してください。',
  en: "The data is larger than Excel on the web's 5 MB request limit. Split the sheet or run in desktop Excel.",
};

const MESSAGES: Readonly<Record<string, Message>> = {
  AccessDenied: {
    ja: 'シートまたはブックが保護されているため書き込めません。[校閲] タブで保護を解除してから、もう一度実行してください。',
    en: 'The sheet or workbook is protected. Unprotect it on the Review tab and run again.',
  },
  InvalidOperationInCellEditMode: {
    ja: 'セルの編集中は Excel が操作を受け付けません。Enter キーか Esc キーで編集を終えてから、もう一度実行してください。',
    en: 'Excel is busy while a cell is being edited. Press Enter or Esc, then run again.',
  },
  RequestPayloadSizeLimitExceeded: PAYLOAD,
  ResponsePayloadSizeLimitExceeded: PAYLOAD,
  ItemNotFound: {
    ja: '対象のシートまたは名前が見つかりません。実行中にシートが削除されたか、名前が変更された可能性があります。シートを確認して、もう一度実行してください。',
    en: 'A sheet or name was not found: it may have been deleted or renamed during the run. Check and run again.',
  },
  ApiNotFound: {
    ja: 'この Excel のバージョンでは使えない機能があります。Excel を更新してください。',
    en: 'This version of Excel lacks a feature the add-in needs. Please update Excel.',
  },
  MergedRangeConflict: {
    ja: '結合されたセルと重なるため書き込めません。評価列の右側の結合を解除してから、もう一度実行してください。',
    en: 'Merged cells are in the way. Unmerge the cells right of the table and run again.',
  },
  GeneralException: {
    ja: 'Excel で予期しないエラーが発生しました。ブックを保存し、もう一度実行してください。',
    en: 'Excel reported an unexpected error. Save the workbook and run again.',
  },
};

const FALLBACK: Message = {
  ja: 'Excel で操作を完了できませんでした。',
  en: 'Excel could not complete the operation.',
};

/** The Office.js error code (`AccessDenied`), or null for anything that is not an Office.js error. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** Trace messages Office.js attaches to a failed sync: those queued before the failing call. */
export function traceMessages(error: unknown): readonly string[] {
  if (typeof error !== 'object' || error === null) return [];
  const traces = (error as { traceMessages?: unknown }).traceMessages;
  return Array.isArray(traces) ? traces.filter((t): t is string => typeof t === 'string') : [];
}

/** One line for the pane: what went wrong and what to do, with the code for support. */
export function describeOfficeError(error: unknown, language: Language = 'ja'): string {
  const code = officeErrorCode(error);
  const message = (code !== null ? MESSAGES[code] : undefined) ?? FALLBACK;
  const suffix =
    code !== null ? (language === 'ja' ? ` (エラーコード: ${code})` : ` (error code: ${code})`) : '';
  return message[language] + suffix;
}

export interface ExcelHostErrorDetails {
  readonly stage: ExcelStage;
  readonly code: string | null;
  /** Plan operations carried out before the failure (`setValues KPI!P5:P40`). */
  readonly applied: readonly string[];
  /** Plan operations not carried out, the failing one first. */
  readonly notApplied: readonly string[];
  readonly syncs: number;
}

/** What the host throws: `message` is ready for the pane; the details say what was written. */
export class ExcelHostError extends MessageError {
  constructor(
    message: string,
    readonly details: ExcelHostErrorDetails,
  ) {
    super('ExcelHostError', message);
  }
}

/** The pane's message for a write that failed after `applied` of the plan's operations. */
export function describePartialWrite(
  error: unknown,
  applied: readonly string[],
  notApplied: readonly string[],
  language: Language = 'ja',
): string {
  const reason = describeOfficeError(error, language);
  if (applied.length === 0) {
    return language === 'ja'
      ? `${reason} ブックは変更されていません。`
      : `${reason} The workbook was not changed.`;
  }
  const first = notApplied[0] ?? '';
  return language === 'ja'
    ? `${reason} ${applied.length} 件の操作は反映済み、${notApplied.length} 件 (${first} から) は未反映です。もう一度実行すると、前回の出力を消してから書き直します。`
    : `${reason} ${applied.length} operations were applied; ${notApplied.length} (from ${first}) were not. Running again removes the partial output and writes it anew.`;
}
