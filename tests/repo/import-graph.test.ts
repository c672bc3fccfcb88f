/**
 * The house's shape, read from the import statements under src/ (TypeScript's own pre-parser, so type-only
 * imports, re-exports and dynamic imports all count): no two files depend on each other, even through others;
 * each folder imports only the layers below it (core at the bottom, the hosts above it, the task pane and the
 * command line on top); the host seam in core holds types only; and the task pane's bundle pulls in no Node
 * or ExcelJS code.
 */
import { posix } from 'node:path';
import ts from 'typescript';
import { typeScriptUnder } from './sources';

/** Module specifiers a file names, as written: `./runner`, `../core/host`, `node:path`. */
export function specifiersOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The file a relative specifier of `from` lands on among `files` (`x.ts`, `x/index.ts`, `x.json`), or undefined. */
function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const base = posix.join(posix.dirname(from), specifier);
  return [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => files.has(candidate));
}

export interface ImportGraph {
  /** File → the files under src it imports (repository-relative, `/`-separated). */
  readonly edges: ReadonlyMap<string, readonly string[]>;
  /** File → the packages it imports (`node:fs`, `exceljs`). */
  readonly packages: ReadonlyMap<string, readonly string[]>;
}

/** The graph of `sources` (path → text); a relative import that lands nowhere is an edge to its spelled path. */
export function importGraph(sources: ReadonlyMap<string, string>): ImportGraph {
  const files = new Set(sources.keys());
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const [file, text] of sources) {
    const inner: string[] = [];
    const outer: string[] = [];
    for (const specifier of specifiersOf(text)) {
      if (specifier.startsWith('.'))
        inner.push(resolveSpecifier(file, specifier, files) ?? posix.join(posix.dirname(file), specifier));
      else outer.push(specifier);
    }
    edges.set(file, [...new Set(inner)]);
    packages.set(file, [...new Set(outer)]);
  }
  return { edges, packages };
}

/**
 * The groups of files that reach each other through imports (Tarjan's strongly connected components with
 * more than one file, or one file importing itself), each sorted, in file order.
 */
export function importCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!edges.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (edges.get(file) ?? []).includes(file)) cycles.push(group.sort());
  };
  for (const file of [...edges.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

/** `src/xlsx/package/book.ts` → `xlsx`. */
function layerOf(file: string): string {
  const [, layer] = file.split('/');
  return layer;
}

/** Which src/ folders each src/ folder may import from: every arrow points down or stays in the folder. */
export const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: ['core'],
  excel: ['core', 'excel'],
  xlsx: ['core', 'xlsx'],
  cli: ['core', 'xlsx', 'cli'],
  taskpane: ['core', 'excel', 'taskpane'],
  commands: ['core', 'excel', 'commands'],
};

/** `importer → imported` for every import that goes where MAY_IMPORT does not allow. */
export function layerViolations(
  edges: ReadonlyMap<string, readonly string[]>,
  mayImport: Readonly<Record<string, readonly string[]>> = MAY_IMPORT,
): string[] {
  const violations: string[] = [];
  for (const [file, imported] of edges) {
    const allowed = mayImport[layerOf(file)] ?? [];
    for (const target of imported)
      if (!allowed.includes(layerOf(target))) violations.push(`${file} → ${target}`);
  }
  return violations.sort();
}

/** Folders that end up in the task pane's browser bundle: no Node built-ins, no ExcelJS. */
const BROWSER_LAYERS = ['core', 'excel', 'taskpane', 'commands'];
const SERVER_ONLY_PACKAGE = /^(node:|exceljs$|jszip$|fs$|path$|os$|child_process$|zlib$|crypto$)/;

const SRC = typeScriptUnder('src');
const GRAPH = importGraph(SRC);

describe('no two files under src import each other, directly or through others', () => {
  it('finds no import cycle', () => {
    expect(GRAPH.edges.size).toBeGreaterThan(100);
    expect(importCycles(GRAPH.edges)).toEqual([]);
  });

  it('finds a cycle of two files, one of three, and a file importing itself', () => {
    const sources = new Map([
      ['src/cli/options.ts', "import { OUTPUT_OPTIONS } from './output-options';"],
      ['src/cli/output-options.ts', "import type { OptionSpec } from './options';"],
      ['src/xlsx/a.ts', "export { b } from './b';"],
      ['src/xlsx/b.ts', "const c = import('./c');"],
      ['src/xlsx/c.ts', "import './a';"],
      ['src/xlsx/d.ts', "import { d } from './d';"],
      ['src/xlsx/e.ts', "import { a } from './a';"],
    ]);
    expect(importCycles(importGraph(sources).edges)).toEqual([
      ['src/cli/options.ts', 'src/cli/output-options.ts'],
      ['src/xlsx/a.ts', 'src/xlsx/b.ts', 'src/xlsx/c.ts'],
      ['src/xlsx/d.ts'],
    ]);
  });

  it('passes a one-way chain through a shared module', () => {
    const sources = new Map([
      [
        'src/excel/excel-host.ts',
        "import type { ExcelRunner } from './runner';\nimport { watch } from './selection';",
      ],
      ['src/excel/selection.ts', "import type { ExcelRunner } from './runner';"],
      ['src/excel/runner.ts', 'export interface ExcelRunner { run(): void }'],
    ]);
    expect(importCycles(importGraph(sources).edges)).toEqual([]);
  });
});

describe('each folder under src imports only the layers below it', () => {
  it('finds no import that points up or sideways', () => {
    expect(layerViolations(GRAPH.edges)).toEqual([]);
  });

  it('lets no file under src/xlsx or src/cli import from src/excel', () => {
    const fromExcel = [...GRAPH.edges]
      .filter(([file]) => file.startsWith('src/xlsx/') || file.startsWith('src/cli/'))
      .flatMap(([file, imported]) =>
        imported.filter((t) => t.startsWith('src/excel/')).map((t) => `${file} → ${t}`),
      );
    expect(fromExcel).toEqual([]);
  });

  it('reports a host reaching into the other host, and core reaching up', () => {
    const sources = new Map([
      ['src/xlsx/apply-plan.ts', "import type { ApplyResult } from '../excel/workbook-host';"],
      ['src/excel/workbook-host.ts', 'export interface ApplyResult { applied: number }'],
      ['src/core/plan/index.ts', "import { cellRef } from '../../xlsx/package/xml';"],
      ['src/xlsx/package/xml.ts', 'export const cellRef = 1;'],
      ['src/cli/main.ts', "import { openBook } from '../xlsx/package/xml';"],
    ]);
    expect(layerViolations(importGraph(sources).edges)).toEqual([
      'src/core/plan/index.ts → src/xlsx/package/xml.ts',
      'src/xlsx/apply-plan.ts → src/excel/workbook-host.ts',
    ]);
  });
});

describe('the host seam in src/core/host', () => {
  it('declares types only, so neither host pulls code from the other through it', () => {
    const seam = [...SRC].filter(([file]) => file.startsWith('src/core/host/'));
    expect(seam.length).toBeGreaterThan(0);
    for (const [file, text] of seam) {
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022);
      const values = source.statements.filter(
        (s) =>
          !ts.isInterfaceDeclaration(s) &&
          !ts.isTypeAliasDeclaration(s) &&
          !(ts.isImportDeclaration(s) && s.importClause?.isTypeOnly) &&
          !(ts.isExportDeclaration(s) && s.isTypeOnly),
      );
      expect(values.map((s) => `${file}: ${s.getText(source).slice(0, 60)}`)).toEqual([]);
    }
  });

  it('is what the Excel host, the package editor and the demo host take their result types from', () => {
    const importersOfSeam = [...GRAPH.edges]
      .filter(([, imported]) => imported.includes('src/core/host/index.ts'))
      .map(([file]) => file);
    expect(importersOfSeam).toEqual(
      expect.arrayContaining([
        'src/excel/excel-host.ts',
        'src/xlsx/package/apply-book.ts',
        'src/taskpane/demo/demo-host.ts',
      ]),
    );
  });
});

describe('the task pane bundle carries no Node or ExcelJS code', () => {
  it('finds no Node built-in or ExcelJS import in core, excel, taskpane or commands', () => {
    const server = [...GRAPH.packages]
      .filter(([file]) => BROWSER_LAYERS.includes(layerOf(file)))
      .flatMap(([file, packages]) =>
        packages.filter((p) => SERVER_ONLY_PACKAGE.test(p)).map((p) => `${file} → ${p}`),
      );
    expect(server).toEqual([]);
  });
});
