/**
 * How the Excel host runs a batch of Office.js calls. Its own module so that the host and the parts it
 * delegates to (the selection watcher) share it without importing each other.
 */
export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/** `Excel.run` (with RunOptions), and `Excel.run(context, …)` to reuse an event registration's context. */
export interface ExcelRunner {
  run<T>(batch: ExcelBatch<T>, options?: Excel.RunOptions): Promise<T>;
  runWith<T>(context: Excel.RequestContext, batch: ExcelBatch<T>): Promise<T>;
}

/** An event handler added in a batch, with the context it was added in: removing it needs that context. */
export interface HandlerRegistration {
  readonly context: Excel.RequestContext;
  readonly handler: { remove(): void };
}

/** The function that removes a registered handler, once; a removal that fails (the pane closing) is ignored. */
export function handlerStopper(runner: ExcelRunner, registration: HandlerRegistration): () => void {
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    void runner
      .runWith(registration.context, async (context) => {
        registration.handler.remove();
        await context.sync();
      })
      .catch(() => undefined);
  };
}
