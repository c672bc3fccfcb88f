'use strict';
// Preloaded with `node -r ./bench/report-rss.js` where /usr/bin/time is missing: on exit, writes the
// process's peak resident set size in kilobytes to the file named by BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
