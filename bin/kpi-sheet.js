#!/usr/bin/env node
'use strict';
// The command line is compiled to build/ by `npm ci` (the package's prepare script).
require('../build/cli/main.js')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
