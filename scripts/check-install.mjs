/* global process, console */
/**
 * Run by .ci/run right after `npm ci`: the install is whole, compiled nothing, and agrees with `engines`.
 * Each failure is one line naming what to fix (README, "Dependency notes").
 *   1. `npm ls --all` exits 0: no missing, invalid or extraneous package.
 *   2. No package built native code during the install: no node-gyp output (build/config.gypi, build/Makefile,
 *      *.o objects) anywhere under node_modules. Prebuilt .node files shipped inside registry packages are fine.
 *   3. Our `engines.node` lies inside every installed package's `engines.node`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const require = createRequire(join(ROOT, 'package.json'));
const failures = [];

function npmLs() {
  try {
    execFileSync('npm', ['ls', '--all'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const problems = String(error.stderr ?? '')
      .split('\n')
      .filter((line) => /missing|invalid|extraneous|ELSPROBLEMS/.test(line) && !/code ELSPROBLEMS/.test(line))
      .map((line) => line.replace(/^npm (error|ERR!)\s*/, ''));
    failures.push(`npm ls --all: ${problems.join('; ') || 'exit ' + error.status}`);
  }
}

/** Every directory holding node-gyp output, following no symlinks. */
function compiledPackages() {
  const found = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'build') {
          const inside = readdirSync(path);
          if (
            inside.includes('config.gypi') ||
            inside.includes('Makefile') ||
            inside.includes('binding.Makefile')
          ) {
            found.push(relative(ROOT, path));
            continue;
          }
        }
        walk(path);
      } else if (entry.isFile() && entry.name.endsWith('.o')) {
        found.push(relative(ROOT, path));
      }
    }
  };
  walk(join(ROOT, 'node_modules'));
  if (found.length > 0) failures.push(`native code was compiled during the install: ${found.join(', ')}`);
}

function engines() {
  const semver = require('semver');
  const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node;
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const narrower = Object.entries(lock.packages)
    .filter(([path, meta]) => path && meta.engines?.node && !(meta.optional && meta.os))
    .filter(([, meta]) => !semver.subset(ours, meta.engines.node))
    .map(([path, meta]) => `${path.replace(/^.*node_modules\//, '')} (${meta.engines.node})`);
  if (narrower.length > 0) failures.push(`engines.node "${ours}" is wider than: ${narrower.join(', ')}`);
  if (!semver.satisfies(process.version, ours))
    failures.push(`node ${process.version} is outside engines.node "${ours}"`);
}

npmLs();
compiledPackages();
engines();
if (failures.length > 0) {
  for (const failure of failures) console.error(`check-install: ${failure}`);
  process.exit(1);
}
console.log('check-install: npm ls clean, nothing compiled, engines agree.');
