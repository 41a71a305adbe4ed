import type { EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';
import { appendLogEntry, type LogEntryKind } from './integrity-log';

/**
 * Append-only ledgers besides the case records whose rows are leaves of the integrity log (SPEC R7: every record):
 * the draws and inspection forms (R12), the evaluation sheets (R13) and the device log (R11). A row's leaf is the
 * row itself as stored (canonical JSON), so verify compares the stored row with its leaf column by column.
 */
export interface Ledger {
  kind: LogEntryKind;
  table: string;
  /** Leaf subject: `<prefix><key column's value>`. */
  prefix: string;
  key: string;
  /** Column holding the case number, for rows that belong to a case. */
  caseColumn: string | null;
  label: { zh: string; en: string };
}

const ledger = (
  kind: LogEntryKind,
  table: string,
  prefix: string,
  key: string,
  caseColumn: string | null,
  zh: string,
  en: string,
): Ledger => ({ kind, table, prefix, key, caseColumn, label: { zh, en } });

export const LEDGERS = {
  draw: ledger('draw', 'inspection_draws', 'draw/', 'id', null, '双随机抽取记录', 'draw'),
  inspectionForm: ledger(
    'inspection-form',
    'inspection_forms',
    'inspection-form/',
    'id',
    null,
    '执法检查表',
    'inspection form',
  ),
  evaluation: ledger(
    'evaluation',
    'case_evaluations',
    'evaluation/',
    'id',
    'case_number',
    '案卷评查表',
    'evaluation sheet',
  ),
  device: ledger('device', 'devices', 'device/', 'asset_number', null, '执法记录仪登记', 'device registration'),
  deviceCheck: ledger('device', 'device_checks', 'device-check/', 'id', null, '设备检查', 'device check'),
  deviceCheckout: ledger(
    'device',
    'device_checkouts',
    'device-checkout/',
    'id',
    'case_number',
    '设备领用',
    'device checkout',
  ),
  deviceDecision: ledger(
    'device',
    'device_checkout_decisions',
    'device-decision/',
    'checkout_id',
    null,
    '领用审批',
    'checkout decision',
  ),
  deviceReturn: ledger('device', 'device_returns', 'device-return/', 'checkout_id', null, '设备交回', 'device return'),
  deviceExport: ledger('device', 'device_exports', 'device-export/', 'checkout_id', null, '音像导出', 'footage export'),
  deviceNotice: ledger(
    'device',
    'device_export_notices',
    'device-notice/',
    'checkout_id',
    null,
    '导出超期',
    'export notice',
  ),
  deviceReturnNotice: ledger(
    'device',
    'device_return_notices',
    'device-return-notice/',
    'checkout_id',
    null,
    '领用逾期未交回',
    'return notice',
  ),
  deviceLoss: ledger(
    'device',
    'device_checkout_losses',
    'device-loss/',
    'checkout_id',
    null,
    '领用中丢失或损坏',
    'loss or damage while out',
  ),
  deviceRetirement: ledger(
    'device',
    'device_retirements',
    'device-retirement/',
    'asset_number',
    null,
    '设备报废停用',
    'device retirement',
  ),
  deviceReassignment: ledger(
    'device',
    'device_reassignments',
    'device-reassignment/',
    'id',
    null,
    '设备调拨',
    'device reassignment',
  ),
  deviceAdministrator: ledger(
    'device',
    'device_administrator_roster',
    'device-administrator/',
    'id',
    null,
    '管理员名册',
    'administrator roster entry',
  ),
  // 听证询问室 (seed 000): the AV recording equipment of a unit's rooms, logged with the device log.
  hearingRoom: ledger(
    'device',
    'hearing_rooms',
    'hearing-room/',
    'id',
    null,
    '听证询问室登记',
    'hearing room registration',
  ),
  hearingRoomChange: ledger(
    'device',
    'hearing_room_changes',
    'hearing-room-change/',
    'id',
    null,
    '听证询问室变更',
    'hearing room change',
  ),
} as const;

/** Every ledger whose rows verify checks against their leaves. */
export const ALL_LEDGERS: readonly Ledger[] = Object.values(LEDGERS);

export interface LedgerRow {
  subject: string;
  caseNumber: string | null;
  content: Record<string, unknown>;
}

const NOTICE_TABLES = new Set(['device_export_notices', 'device_return_notices']);

function subjectOf(l: Ledger, row: Record<string, unknown>): string {
  // Notices are two per checkout (warning, missed): the kind completes their subject.
  const extra = NOTICE_TABLES.has(l.table) ? `/${String(row.kind)}` : '';
  return `${l.prefix}${String(row[l.key])}${extra}`;
}

export function ledgerRow(l: Ledger, row: Record<string, unknown>): LedgerRow {
  return {
    subject: subjectOf(l, row),
    caseNumber: l.caseColumn ? ((row[l.caseColumn] as string | null) ?? null) : null,
    content: row,
  };
}

/**
 * Appends a freshly inserted row (as `returning *` gave it back) to the integrity log, in the caller's transaction.
 */
export async function appendLedgerLeaf(m: EntityManager, l: Ledger, row: Record<string, unknown>): Promise<void> {
  const r = ledgerRow(l, row);
  await appendLogEntry(m, { kind: l.kind, caseNumber: r.caseNumber, subject: r.subject, content: r.content });
}

/** A ledger's rows in scope (one case, or all), as verify compares them with their leaves. */
export async function ledgerRows(m: EntityManager, l: Ledger, caseNumber: string | null): Promise<LedgerRow[]> {
  if (caseNumber !== null && l.caseColumn === null) return [];
  const rows = await m.query<Record<string, unknown>[]>(
    caseNumber === null ? `select * from ${l.table}` : `select * from ${l.table} where ${l.caseColumn} = $1`,
    caseNumber === null ? [] : [caseNumber],
  );
  return rows.map((row) => ledgerRow(l, row));
}

export interface LedgerProblem {
  kind: 'record-altered' | 'record-missing' | 'record-unlogged';
  subject: string;
  caseNumber: string | null;
  fields?: string[];
  zh: string;
  en: string;
}

/**
 * The stored row as its leaf saw it: a column a later migration added (R11's names, a return's export exception)
 * reads null on rows logged before it existed, and is left out of the comparison. A non-null value in such a column
 * is still a change, and is reported.
 */
export function asLogged(stored: Record<string, unknown>, entry: string): Record<string, unknown> {
  const logged = JSON.parse(entry) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(stored).filter(([k, v]) => v !== null || k in logged));
}

/**
 * Each ledger row against its leaf (R7): a row changed (naming the columns), a logged row gone, a row written around
 * the log. `entries` are the log entries in scope; `differing` names the columns whose values differ.
 */
export async function verifyLedgers(
  m: EntityManager,
  entries: readonly { kind: LogEntryKind; subject: string; caseNumber: string | null; entry: string }[],
  caseNumber: string | null,
  differing: (logged: Record<string, unknown>, stored: Record<string, unknown>) => string[],
): Promise<{ rowsChecked: number; problems: LedgerProblem[] }> {
  const problems: LedgerProblem[] = [];
  let rowsChecked = 0;
  for (const l of ALL_LEDGERS) {
    const rows = await ledgerRows(m, l, caseNumber);
    rowsChecked += rows.length;
    const bySubject = new Map(rows.map((r) => [r.subject, r]));
    const logged = new Set<string>();
    for (const e of entries.filter((x) => x.kind === l.kind && x.subject.startsWith(l.prefix))) {
      logged.add(e.subject);
      const row = bySubject.get(e.subject);
      if (!row) {
        problems.push({
          kind: 'record-missing',
          subject: e.subject,
          caseNumber: e.caseNumber,
          zh: `${l.label.zh} ${e.subject} 已登记在完整性日志中，但记录本身不见了`,
          en: `${l.label.en} ${e.subject} is in the integrity log but its row is gone`,
        });
      } else if (canonicalJson(asLogged(row.content, e.entry)) !== e.entry) {
        const fields = differing(JSON.parse(e.entry) as Record<string, unknown>, row.content);
        problems.push({
          kind: 'record-altered',
          subject: e.subject,
          caseNumber: e.caseNumber,
          fields,
          zh: `${l.label.zh} ${e.subject} 被改动：${fields.join('、')}`,
          en: `${l.label.en} ${e.subject} was altered: ${fields.join(', ')}`,
        });
      }
    }
    for (const r of rows.filter((x) => !logged.has(x.subject))) {
      problems.push({
        kind: 'record-unlogged',
        subject: r.subject,
        caseNumber: r.caseNumber,
        zh: `${l.label.zh} ${r.subject} 不在完整性日志中（绕过系统写入）`,
        en: `${l.label.en} ${r.subject} is not in the integrity log (written around the system)`,
      });
    }
  }
  return { rowsChecked, problems };
}
