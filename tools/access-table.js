#!/usr/bin/env node
// Writes docs/access-table.md: every route of the gateway × every role (allowed / own unit / denied / public), from
// the routes' decorators and the one access module (SPEC C1). Re-run it whenever a route or a rule changes;
// test/access-table.spec.ts fails while the committed table is stale.
//   node tools/access-table.js
'use strict';
require('./ts-hook');
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');

// Defining the gateway's module validates a configuration; only decorator metadata is read, nothing connects.
process.env.DATABASE_URL ??= 'postgres://u:p@127.0.0.1:1/none_test';
process.env.JWT_PUBLIC_KEY ??= 'unused';

const root = path.join(__dirname, '..');
const { accessTable, accessTableMarkdown } = require(path.join(root, 'libs/platform/src/testing/access-table.ts'));
const { AppModule } = require(path.join(root, 'apps/gateway/src/app.module.ts'));
const rows = accessTable(AppModule);
const out = path.join(root, 'docs/access-table.md');
fs.writeFileSync(out, accessTableMarkdown(rows));
console.log(`${path.relative(root, out)}: ${rows.length} routes`);
