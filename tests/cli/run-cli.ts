/** Runs a CLI entry point as the command line does, capturing what it writes to stdout and stderr. */

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type CliEntry = (argv: readonly string[]) => Promise<number>;

export async function runCli(entry: CliEntry, argv: readonly string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await entry(argv), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
