/** The problems with a file or sheet the user named, each with a Japanese message that says what to do. */
import { MessageError } from '../core/message-error';

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

export class WorkbookError extends MessageError {
  constructor(
    readonly kind: WorkbookErrorKind,
    message: string,
  ) {
    super('WorkbookError', message);
  }
}
