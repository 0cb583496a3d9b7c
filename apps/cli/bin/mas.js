#!/usr/bin/env node
// Entry point npm links as node_modules/.bin/mas. The CLI is compiled with the apps by the root
// build (`npm run build`) into dist/apps/cli; this file only loads it.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(main)) {
  process.stderr.write(`mas: ${main} is missing; build it first with: npm run build\n`);
  process.exit(1);
}
require(main);
