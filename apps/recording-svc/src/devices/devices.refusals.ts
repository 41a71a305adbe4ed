import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';
import type { ExportDeviceDto } from './devices.dto';
import type { CheckoutRow } from './devices.queries';

/** The refusals of the device log (R11), each bilingual and naming the field at fault. */
export const refuse = (code: string, status: HttpStatus, zh: string, en: string, field?: string, problem?: string) =>
  new AppError(code, status, { zh, en }, field ? [{ field, problems: [problem ?? 'refused'] }] : undefined);

/** The borrower, the unit head or the administrator hands a device back and records its export. */
export function mustHandle(c: CheckoutRow, actor: Actor): void {
  if (c.borrower === actor.id || actor.roles.includes('unit-head') || actor.roles.includes('records-administrator')) {
    return;
  }
  throw refuse(
    'DEVICE.NOT_BORROWER',
    HttpStatus.FORBIDDEN,
    '只有领用人、部门负责人或管理员可办理交回和导出',
    'Only the borrower, their unit head or the administrator hands a device back',
    'id',
    'not the borrower',
  );
}

export function wrongState(id: string, state: string, needed: string): AppError {
  return refuse(
    'DEVICE.CHECKOUT_STATE',
    HttpStatus.CONFLICT,
    `领用 ${id} 当前状态为 ${state}，须为 ${needed}`,
    `Checkout ${id} is ${state}; this needs ${needed}`,
    'id',
    state,
  );
}

/** Every named file is evidence recorded from this very device; memory cleared; a note when nothing is named. */
export async function exportProblems(m: EntityManager, c: CheckoutRow, dto: ExportDeviceDto) {
  const problems: { field: string; zh: string; en: string }[] = [];
  const ids = [...new Set(dto.evidenceIds)];
  const found = await m.query<{ id: string }[]>(
    `select id::text as id from evidence_files where id::text = any($1) and metadata->>'device' = $2`,
    [ids, c.asset_number],
  );
  const missing = ids.filter((i) => !found.some((f) => f.id === i));
  if (missing.length > 0) {
    problems.push({
      field: 'evidenceIds',
      zh: `以下文件不是本设备（${c.asset_number}）移交的音像：${missing.join('、')}`,
      en: `not evidence recorded on ${c.asset_number}: ${missing.join(', ')}`,
    });
  }
  if (!dto.memoryCleared) {
    problems.push({
      field: 'memoryCleared',
      zh: '导出后须清空设备内存',
      en: 'the device memory must be cleared after export',
    });
  }
  if (ids.length === 0 && !dto.note) {
    problems.push({
      field: 'note',
      zh: '未移交任何文件时须说明情况',
      en: 'a note is required when no file is handed over',
    });
  }
  return problems;
}

/** A field the service itself judges (against the clock, the store): 400 naming it, in both languages. */
export function fieldRefusal(p: { field: string; zh: string; en: string }): AppError {
  return refuse(
    'REQUEST.VALIDATION_FAILED',
    HttpStatus.BAD_REQUEST,
    `请求字段不符合要求：${p.field}（${p.zh}）`,
    `These fields are not valid: ${p.field} (${p.en})`,
    p.field,
    `${p.zh} / ${p.en}`,
  );
}

/** 报废、停用、丢失: a retired device stays in the register and its log, and nothing more happens to it. */
export function retiredDevice(assetNumber: string): AppError {
  return refuse(
    'DEVICE.RETIRED',
    HttpStatus.CONFLICT,
    `执法记录仪 ${assetNumber} 已报废或停用，不得领用、核查或调拨`,
    `Device ${assetNumber} is retired: it cannot be checked out, checked or reassigned`,
    'assetNumber',
    'retired',
  );
}

/** The person named as a device's administrator is on the roster (管理员名册, 000 附件6 第六条 指定专人管理). */
export async function mustBeOnRoster(m: EntityManager, userId: string, field: string): Promise<void> {
  const [latest] = await m.query<{ action: string }[]>(
    `select action from device_administrator_roster where user_id = $1 order by changed_at desc, id desc limit 1`,
    [userId],
  );
  if (latest?.action === 'appointed') return;
  throw refuse(
    'DEVICE.NOT_ON_ROSTER',
    HttpStatus.UNPROCESSABLE_ENTITY,
    `${userId} 不在执法记录仪管理员名册中，须先登记为管理员（${field}）`,
    `${userId} is not on the device administrators' roster; appoint them first (${field})`,
    field,
    'not on the roster',
  );
}
