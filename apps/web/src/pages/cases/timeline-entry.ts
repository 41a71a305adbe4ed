import { roomOfRecord } from '@enforcement/domain/recording/hearing-room.rules';
import { recordTypeSpecs, type RecordTypeSpec } from '@enforcement/domain/recording/record-types.table';
import { caseStepLabels, type CaseStep } from '@enforcement/domain/recording/recording.types';
import type { TimelineEntry } from '@/api/recording';

type Pair = { zh: string; en: string };
const KINDS: Record<string, Pair> = {
  'record-added': { zh: '制作记录', en: 'record made' },
  'av-attached': { zh: '音像移交', en: 'AV handed over' },
  'step-completed': { zh: '环节完成', en: 'step completed' },
  'review-required': { zh: '须经法制审核', en: 'legal review required' },
  'review-noted': { zh: '法制审核结果', en: 'legal review outcome' },
  'decision-issued': { zh: '作出决定', en: 'decision issued' },
  'decision-revoked': { zh: '决定撤销或变更', en: 'decision revoked or changed' },
  'execution-completed': { zh: '执行完毕（执行信息待公开）', en: 'execution completed (to be published)' },
  'complaint-not-taken-up': { zh: '投诉举报不予启动', en: 'complaint not taken up' },
  closed: { zh: '结案', en: 'closed' },
  'archive-bundle-recorded': { zh: '立卷（归档包生成）', en: 'case file bundled for the archive' },
  archived: { zh: '归档', en: 'archived' },
  'hold-placed': { zh: '长期保存', en: 'long-term hold' },
  'deadline-warning': { zh: '期限预警', en: 'deadline warning' },
  'deadline-missed': { zh: '期限已过', en: 'deadline missed' },
  'retention-ended': { zh: '保存期限届满', en: 'retention ended' },
  'step-failed': { zh: '处理步骤未能完成', en: 'step could not be completed' },
};

export const kindLabel = (kind: string): Pair => KINDS[kind] ?? { zh: kind, en: kind };
export const stepLabel = (step: string): Pair => caseStepLabels[step as CaseStep] ?? { zh: step, en: step };
const typeLabel = (type: string): Pair =>
  (recordTypeSpecs as Record<string, RecordTypeSpec | undefined>)[type] ?? { zh: type, en: type };

/** Files of an entry (a record's own AV or a later hand-over): what the integrity check hashes (R7). */
export interface EntryFile {
  sha256: string;
  kind: string;
}

/** One line of the timeline in both languages, plus its files (R1, R6). */
export function describe(entry: TimelineEntry): { title: Pair; line: Pair; files: EntryFile[] } {
  const d = (entry.detail ?? {}) as Record<string, unknown>;
  const title = kindLabel(entry.kind);
  switch (entry.kind) {
    case 'record-added': {
      const record = (d.record ?? {}) as {
        id?: string;
        type?: string;
        av?: EntryFile[];
        fields?: Record<string, unknown>;
      };
      const type = typeLabel(record.type ?? '');
      // The room as the register had it when the record was made (the server put it in, R5 place rule).
      const room = roomOfRecord(record.fields ?? {});
      const where = room
        ? {
            zh: ` · 听证询问室：${room.name}（${room.av ? '具备录音录像' : '不具备录音录像'}）`,
            en: ` · hearing/interview room: ${room.name} (${room.av ? 'records sound and picture' : 'no AV recording'})`,
          }
        : { zh: '', en: '' };
      return {
        title,
        line: { zh: `${type.zh}（${record.id}）${where.zh}`, en: `${type.en} (${record.id})${where.en}` },
        files: record.av ?? [],
      };
    }
    case 'av-attached':
      return {
        title,
        line: { zh: `记录 ${String(d.recordId)}`, en: `record ${String(d.recordId)}` },
        files: (d.files as EntryFile[]) ?? [],
      };
    case 'step-completed': {
      const step = stepLabel(String(d.step));
      const next = typeof d.next === 'string' ? stepLabel(d.next) : null;
      return {
        title,
        line: { zh: `${step.zh}${next ? ` → ${next.zh}` : ''}`, en: `${step.en}${next ? ` → ${next.en}` : ''}` },
        files: [],
      };
    }
    case 'deadline-warning':
    case 'deadline-missed':
      return { title, line: { zh: `${String(d.limit)}`, en: `${String(d.limit)}` }, files: [] };
    case 'step-failed': {
      // The workflow's own words (step, typed code, the store's or rule's reason): what IT needs to put it right.
      const what = `${String(d.step)} · ${String(d.code)}`;
      return { title, line: { zh: `${what}：${String(d.reason)}`, en: `${what}: ${String(d.reason)}` }, files: [] };
    }
    default:
      return { title, line: { zh: '', en: '' }, files: [] };
  }
}
