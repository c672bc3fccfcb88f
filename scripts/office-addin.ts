/**
 * `npm start`, `npm run start:web`, `npm run stop` and `npm run validate`: Microsoft's office-addin-debugging and
 * office-addin-manifest, run where they can work and answered in one Japanese / English line where they cannot,
 * never with a stack trace.
 *
 * - office-addin-debugging sideloads into desktop Excel on Windows and Mac only ("Platform not supported: linux").
 * - office-addin-manifest validate posts the manifest to Microsoft's online validation service; offline it cannot
 *   answer, and `npm run check:manifest` checks the same manifest offline against the schema rules we rely on.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

type Command = 'start' | 'start:web' | 'stop' | 'validate';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const DESKTOP = new Set<NodeJS.Platform>(['win32', 'darwin']);

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Where a tool's output goes while it runs: straight to the terminal, or kept until its outcome is known. */
type Echo = 'live' | 'afterwards';

/** Runs a tool and keeps its output, so a known failure can be named in one line instead. */
function run(tool: string, args: readonly string[], echo: Echo): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(BIN, tool), args, { cwd: ROOT, shell: process.platform === 'win32' });
    let output = '';
    const keep = (chunk: Buffer, to: NodeJS.WriteStream): void => {
      output += chunk.toString('utf8');
      if (echo === 'live') to.write(chunk);
    };
    child.stdout.on('data', (chunk: Buffer) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => keep(chunk, process.stderr));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function sideload(command: Exclude<Command, 'validate'>): Promise<number> {
  if (!DESKTOP.has(process.platform) && command !== 'start:web') {
    say(
      `npm ${command === 'stop' ? 'run stop' : 'start'} は Windows と Mac の Excel へのサイドロード用で、${process.platform} では使えません。ここでは npm run dev-server (https://localhost:3000/) と npm run demo:pane (ブラウザーでデモ) を使ってください。 / ` +
        `npm ${command === 'stop' ? 'run stop' : 'start'} sideloads into Excel on Windows and Mac only; on ${process.platform} use npm run dev-server or npm run demo:pane.`,
    );
    return 0;
  }
  const args =
    command === 'stop'
      ? ['stop', 'manifest.xml']
      : ['start', 'manifest.xml', ...(command === 'start:web' ? ['web'] : [])];
  const { code } = await run('office-addin-debugging', args, 'live');
  return code;
}

async function validate(): Promise<number> {
  const { code, output } = await run('office-addin-manifest', ['validate', 'manifest.xml'], 'afterwards');
  const offline =
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|Unable to contact the manifest validation service/;
  if (!offline.test(output)) {
    process.stdout.write(output);
    return code;
  }
  say(
    'マニフェストの検証は Microsoft のオンライン検証サービスに送るため、インターネット接続が必要です。オフラインでは npm run build && npm run check:manifest で確認してください。 / ' +
      "npm run validate needs the internet (Microsoft's online validator); offline, run npm run build && npm run check:manifest.",
  );
  return 1;
}

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'start':
    case 'start:web':
    case 'stop':
      return sideload(command);
    case 'validate':
      return validate();
    default:
      say(`使い方 / usage: tsx scripts/office-addin.ts start|start:web|stop|validate`);
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    say(`office-addin: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
