/**
 * `npm run demo:pane`: builds the add-in (the npm script runs `npm run build` first) and serves the task pane's
 * demo page on http://localhost:3001/taskpane.html, so a newcomer can click through the add-in in a browser on
 * the bundled sample workbook, without Excel. Ctrl-C stops it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveDirectory } from './static-server';

const DIST = join(__dirname, '..', 'dist');
const PORT = Number(process.env.DEMO_PORT ?? 3001);

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'taskpane.html'))) {
    process.stderr.write(
      'dist/taskpane.html がありません。先に npm run build を実行してください。 / Run npm run build first.\n',
    );
    process.exitCode = 1;
    return;
  }
  const served = await serveDirectory(DIST, PORT, '127.0.0.1').catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `ポート ${PORT} は使用中です。DEMO_PORT=3002 npm run demo:pane のように別のポートを指定してください。 / Port ${PORT} is in use: set DEMO_PORT.\n`
        : `デモページを起動できませんでした: ${String(error)}\n`,
    );
    process.exitCode = 1;
    return null;
  });
  if (!served) return;
  const url = `http://localhost:${PORT}/taskpane.html`;
  process.stdout.write(
    `タスクペインのデモ (サンプルのブック、Excel なし): ${url}\nTask pane demo (sample workbook, no Excel): ${url}\nCtrl-C で終了 / Ctrl-C to stop.\n`,
  );
}

void main();
