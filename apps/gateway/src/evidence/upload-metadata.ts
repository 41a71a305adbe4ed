import { HttpStatus } from '@nestjs/common';
import { AppError } from '@enforcement/platform';

/**
 * Decodes a tus `Upload-Metadata` header (`key base64,key base64,…`, a key may stand alone) into plain values;
 * `interruptions` is JSON. A malformed header is the caller's mistake: 400 naming the header.
 */
export function decodeUploadMetadata(header: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!header) return out;
  for (const pair of header.split(',')) {
    const [key, value, extra] = pair.trim().split(' ');
    if (!key || extra !== undefined || (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value))) {
      throw malformed('每项须为“键 base64值”', 'each item must be "key base64value"');
    }
    const text = value === undefined ? '' : Buffer.from(value, 'base64').toString('utf8');
    if (key === 'interruptions') {
      try {
        out[key] = JSON.parse(text);
      } catch {
        throw malformed('interruptions 须为 JSON 数组', 'interruptions must be a JSON array');
      }
    } else out[key] = text;
  }
  return out;
}

function malformed(zh: string, en: string): AppError {
  return new AppError(
    'REQUEST.VALIDATION_FAILED',
    HttpStatus.BAD_REQUEST,
    { zh: `Upload-Metadata 请求头格式有误：${zh}`, en: `The Upload-Metadata header is malformed: ${en}` },
    [{ field: 'Upload-Metadata', problems: [en] }],
  );
}
