#!/usr/bin/env node
'use strict';
// The tool is bundled by `npm install` (the "prepare" script); rebuild it here if that step was skipped.
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  require('child_process').execFileSync(process.execPath, [path.join(__dirname, '..', 'esbuild.config.mjs'), 'cli'], {
    cwd: path.join(__dirname, '..'),
    stdio: 'inherit',
  });
}
require(bundle);
