/** The problems with a file or sheet the user named, each with a Japanese message that says what to do. */

export type WorkbookErrorKind =
  | 'notFound'
  | 'notAFile'
  | 'corrupt'
  | 'unknownSheet'
  | 'noSheet'
  | 'permissionDenied'
  | 'encrypted'
  | 'oldFormat'
  | 'openDocument'
  | 'hiddenSheet'
  | 'notAWorksheet';

export class WorkbookError extends Error {
  readonly kind: WorkbookErrorKind;

  constructor(kind: WorkbookErrorKind, message: string) {
    super(message);
    this.name = 'WorkbookError';
    this.kind = kind;
  }
}
