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
