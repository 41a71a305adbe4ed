import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import { accessTable, accessTableMarkdown } from '@enforcement/platform/testing/access-table';

// Defining the module validates a configuration; only decorator metadata is read, nothing connects.
process.env.DATABASE_URL ??= 'postgres://u:p@127.0.0.1:1/none_test';
process.env.JWT_PUBLIC_KEY ??= 'unused';

describe('the route × role table (SPEC C1)', () => {
  it('C1: docs/access-table.md is the table the gateway’s routes and the access module give today', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AppModule } = require('../apps/gateway/src/app.module') as { AppModule: Type<unknown> };
    const rows = accessTable(AppModule);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.rule === '(none)').map((r) => r.route)).toEqual([]);
    const committed = readFileSync(join(__dirname, '../docs/access-table.md'), 'utf8');
    // When this fails: run `node tools/access-table.js` and commit docs/access-table.md.
    expect(committed).toBe(accessTableMarkdown(rows));
  });
});
