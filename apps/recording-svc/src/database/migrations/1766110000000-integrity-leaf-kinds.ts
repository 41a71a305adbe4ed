import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ALL_LEDGERS, appendLedgerLeaf } from '../../integrity/ledger-leaves';

/**
 * R7: every record goes into the integrity log, not only case records, files and accesses — the double-random draws
 * and inspection forms (R12), the case-file evaluation sheets (R13) and the device log (R11) become leaves too. Rows
 * written before this migration are logged as they stand now, in table order, so verify covers them from here on.
 */
export class IntegrityLeafKinds1766110000000 implements MigrationInterface {
  name = 'IntegrityLeafKinds1766110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table integrity_log drop constraint integrity_log_kind_check`);
    await q.query(`alter table integrity_log add constraint integrity_log_kind_check
                   check (kind in ('record', 'file', 'access', 'draw', 'inspection-form', 'evaluation', 'device'))`);
    for (const l of ALL_LEDGERS) {
      // Ledgers of tables a later migration creates (R11's retirements, reassignments…) log their rows as written.
      const [{ present }] = await q.query(`select to_regclass($1) is not null as present`, [l.table]);
      if (!present) continue;
      const rows = await q.query(`select * from ${l.table} order by ${l.key}`);
      for (const row of rows as Record<string, unknown>[]) await appendLedgerLeaf(q.manager, l, row);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table integrity_log drop constraint integrity_log_kind_check`);
    await q.query(`alter table integrity_log add constraint integrity_log_kind_check
                   check (kind in ('record', 'file', 'access'))`);
  }
}
