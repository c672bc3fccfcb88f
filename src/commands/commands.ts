/**
 * Ribbon command 「評価を更新」: runs the whole evaluation without opening the pane.
 *
 * Excel has no notification bar for add-ins (Outlook's `notificationMessages` does not exist here), so
 * the command reports in two ways: on success it selects A1 of the summary sheet, where the result is;
 * and it shows its one-line message in a small Office dialog (this same page, opened with
 * `?message=`), closed with its OK button. `event.completed()` is called once the dialog is closed
 * (or could not open), as Office requires for function commands that open a dialog.
 */
import { officeLanguage } from '../excel/errors';
import { evaluateActiveSheet } from '../excel/evaluate-command';
import { ExcelWorkbookHost } from '../excel/excel-host';

const CLOSE = 'close';

function showMessage(message: string, done: () => void): void {
  const url = new URL(window.location.href);
  url.search = `?message=${encodeURIComponent(message)}`;
  Office.context.ui.displayDialogAsync(
    url.toString(),
    { height: 22, width: 34, displayInIframe: true },
    (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        done();
        return;
      }
      const dialog = opened.value;
      const close = (): void => {
        dialog.close();
        done();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
    },
  );
}

async function runEvaluation(event: Office.AddinCommands.Event): Promise<void> {
  let completed = false;
  const complete = (): void => {
    if (completed) return;
    completed = true;
    event.completed();
  };
  try {
    // The message speaks Office's display language, as the pane does.
    const language = officeLanguage();
    const host = new ExcelWorkbookHost({ language });
    const outcome = await evaluateActiveSheet(host, new Date(), language);
    showMessage(outcome.message, complete);
  } catch {
    complete();
  }
}

/** This page opened as the message dialog: the text and an OK button. */
function renderDialog(message: string): void {
  document.body.style.cssText =
    'font-family: "Yu Gothic UI", "Segoe UI", sans-serif; margin: 16px; font-size: 14px;';
  const text = document.createElement('p');
  text.textContent = message;
  const ok = document.createElement('button');
  ok.textContent = 'OK';
  ok.addEventListener('click', () => Office.context.ui.messageParent(CLOSE));
  document.body.append(text, ok);
  ok.focus();
}

Office.onReady(() => {
  const message = new URLSearchParams(window.location.search).get('message');
  if (message !== null) renderDialog(message);
  else Office.actions.associate('runEvaluation', runEvaluation);
});

export {};
