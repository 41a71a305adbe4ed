import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { deviceExportDueAt, type DeviceExportException } from '@enforcement/domain';
import { handOverDueAt, parseHandOverLimit, type AvHandOverLimit } from '../activities/case-deadline.activities';

/** Parses `DEVICE_CHECK_INTERVAL`: `<n>d`, 1–999 calendar days, default `30d` (the seed says only 定期). */
export function parseCheckInterval(value: string | undefined): number {
  const text = (value ?? '30d').trim();
  const m = /^([1-9]\d{0,2})d$/.exec(text);
  if (!m) throw new Error(`DEVICE_CHECK_INTERVAL must look like 30d, got ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** The device log's configured limits (SPEC R11), read once at start. */
@Injectable()
export class DeviceSettings {
  /** `DEVICE_EXPORT_LIMIT`: the latest export after a return (000 附件6 第十九条). */
  readonly exportLimit: AvHandOverLimit;
  /** `DEVICE_CHECK_INTERVAL`: days between the administrator's periodic checks (第七条 定期核查). */
  readonly checkIntervalDays: number;

  constructor(config: ConfigService) {
    this.exportLimit = parseHandOverLimit('DEVICE_EXPORT_LIMIT', config.get<string>('DEVICE_EXPORT_LIMIT'));
    this.checkIntervalDays = parseCheckInterval(config.get<string>('DEVICE_CHECK_INTERVAL'));
  }

  /** When the footage of a device returned at `returnedAtIso` is due: the same day, or the limit on an exception. */
  exportDueAt(returnedAtIso: string, exception: DeviceExportException | null): string {
    return deviceExportDueAt(returnedAtIso, handOverDueAt(this.exportLimit, returnedAtIso), exception);
  }
}
