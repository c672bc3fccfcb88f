#!/usr/bin/env node
'use strict';
// The top self-time costs of a V8 CPU profile (`node --cpu-prof`), by function and file, with their share
// of the sampled time. Usage: node bench/profile-top.js CPU.cpuprofile [N]
//   node --cpu-prof --cpu-prof-dir=prof build/cli/main.js evaluate in.xlsx -o out.xlsx
//   node bench/profile-top.js prof/*.cpuprofile 10
const { readFileSync } = require('node:fs');
const { relative, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');

function top(file, count) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = deltas[i + 1] ?? 0;
    total += us;
    self.set(id, (self.get(id) ?? 0) + us);
  });
  const byFunction = new Map();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id);
    const url = callFrame.url.replace(/^file:\/\//, '');
    const where = url === '' ? '' : `${relative(ROOT, url)}:${callFrame.lineNumber + 1}`;
    const key = `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, count);
  process.stdout.write(`${file}: ${(total / 1000).toFixed(0)} ms sampled\n`);
  for (const [key, us] of rows)
    process.stdout.write(
      `${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}\n`,
    );
}

const [file, n = '10'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-top.js CPU.cpuprofile [N]');
  process.exitCode = 2;
} else top(file, Number(n));
