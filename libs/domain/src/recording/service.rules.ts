import type { AvFileRef, MissingItem } from './recording.types';

/** 送达方式 (SPEC R4; 000 附件2 第十三条). */
export const serviceMethods = [
  'direct',
  'left-at-residence',
  'postal',
  'entrusted',
  'transferred',
  'public-notice',
] as const;
export type ServiceMethod = (typeof serviceMethods)[number];

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim().length === 0;
const instant = (v: unknown): boolean => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => !blank(x)) : []);

type Need = (fields: Record<string, unknown>, av: readonly AvFileRef[]) => MissingItem | null;

const text =
  (name: string, zh: string, en: string): Need =>
  (fields) =>
    blank(fields[name]) ? { field: `fields.${name}`, zh, en } : null;
const when =
  (name: string, zh: string, en: string): Need =>
  (fields) =>
    instant(fields[name]) ? null : { field: `fields.${name}`, zh, en };
const people =
  (name: string, min: number, zh: string, en: string): Need =>
  (fields) =>
    names(fields[name]).length >= min
      ? null
      : { field: `fields.${name}`, zh: `${zh}（至少 ${min} 名）`, en: `${en} (at least ${min})` };

const SERVED_AT = when('servedAt', '送达时间', 'the time of service');
const PLACE = text('place', '送达地点', 'the place of service');

/** What each method's record must hold (R4). The seeds differ on the left-at-residence video; 000's continuous video wins. */
const METHOD_NEEDS: Record<ServiceMethod, readonly Need[]> = {
  direct: [
    SERVED_AT,
    PLACE,
    people('servers', 2, '送达人', 'the servers'),
    text('recipient', '受送达人或符合法定条件的签收人', 'the recipient or lawful signatory'),
    text('receiptRef', '受送达人签收的送达回证', 'the signed service receipt'),
  ],
  'left-at-residence': [
    text('reason', '留置事由', 'the reason for leaving it at the residence'),
    PLACE,
    SERVED_AT,
    people('servers', 1, '送达人', 'the servers'),
    people('witnesses', 1, '见证人', 'the witnesses'),
    (_f, av) =>
      av.some((a) => a.kind === 'video' && (a.interruptions ?? []).length === 0)
        ? null
        : { field: 'av', zh: '全过程不间断的留置送达录像', en: 'the continuous video of the service' },
  ],
  postal: [
    text('documentNumber', '邮寄文书的文号', 'the number of the document mailed'),
    (fields) =>
      fields.mailKind === 'registered' || fields.mailKind === 'express'
        ? null
        : {
            field: 'fields.mailKind',
            zh: '邮寄方式（挂号信或邮政特快专递）',
            en: 'the mail kind (registered or express)',
          },
    text('trackingNumber', '邮寄凭证（挂号或特快专递单号）', 'the postal tracking number'),
    (fields) =>
      blank(fields.returnReceiptRef) && blank(fields.returnedReason)
        ? {
            field: 'fields.returnReceiptRef',
            zh: '邮寄回执（被退回的，记录退回情况）',
            en: 'the return receipt (or why the post returned it)',
          }
        : null,
  ],
  entrusted: [
    text('reason', '委托送达的原因', 'the reason for entrusting the service'),
    people('servers', 1, '送达人', 'the servers'),
    text('signedBy', '签收情况', 'who signed for it'),
  ],
  transferred: [
    text('reason', '转交送达的原因', 'the reason for the transfer'),
    people('servers', 1, '送达人', 'the servers'),
    text('signedBy', '签收情况', 'who signed for it'),
  ],
  'public-notice': [
    text('whyOtherMethodsFailed', '采用其他方式均无法送达的情况', 'why the other methods failed'),
    text('medium', '公告载体', 'the notice medium'),
    when('publishedAt', '公告日期', 'the notice date'),
    text('noticeRef', '留存的公告', 'the notice kept'),
    (fields, av) =>
      fields.posted === true && !av.some((a) => a.kind === 'video' || a.kind === 'photo')
        ? { field: 'av', zh: '张贴公告的照片或录像', en: 'a photo or video of the posted notice' }
        : null,
  ],
};

/** Everything a service record lacks for its method (SPEC R4). */
export function serviceProblems(fields: Record<string, unknown>, av: readonly AvFileRef[]): MissingItem[] {
  const method = fields.method as ServiceMethod;
  if (!serviceMethods.includes(method)) {
    return [
      {
        field: 'fields.method',
        zh: '送达方式（直接、留置、邮寄、委托、转交、公告）',
        en: 'the service method (direct, left-at-residence, postal, entrusted, transferred, public-notice)',
      },
    ];
  }
  return METHOD_NEEDS[method].map((need) => need(fields, av)).filter((m): m is MissingItem => m !== null);
}
