/** The part of xml2js (a dependency of office-addin-manifest; it ships no types) that the manifest check uses. */
declare module 'xml2js' {
  export interface ParserOptions {
    explicitChildren?: boolean;
    preserveChildrenOrder?: boolean;
    explicitArray?: boolean;
    trim?: boolean;
    strict?: boolean;
  }
  export function parseStringPromise(xml: string, options?: ParserOptions): Promise<unknown>;
}
