import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppError, type AuditEntry, type AuditQueryDto } from '@enforcement/platform';

const READ_TIMEOUT_MS = 15_000;

export interface AuditCaller {
  readonly authorization: string;
  readonly requestId?: string;
}

/** The three services whose own read APIs serve their audit trails (`GET /audit-trail`). */
@Injectable()
export class AuditSources {
  private readonly services: ReadonlyArray<{ name: string; url: string }>;

  constructor(config: ConfigService) {
    this.services = (
      [
        ['review-svc', 'REVIEW_SVC_URL'],
        ['recording-svc', 'RECORDING_SVC_URL'],
        ['disclosure-svc', 'DISCLOSURE_SVC_URL'],
      ] as const
    ).map(([name, key]) => ({ name, url: config.getOrThrow<string>(key).replace(/\/+$/, '') }));
  }

  /** Every service's rows; one service not answering fails the whole read (a partial trail would mislead). */
  read(query: AuditQueryDto, caller: AuditCaller): Promise<AuditEntry[][]> {
    return Promise.all(this.services.map((s) => this.readOne(s.name, s.url, query, caller)));
  }

  private async readOne(name: string, base: string, query: AuditQueryDto, caller: AuditCaller): Promise<AuditEntry[]> {
    const url = new URL(`${base}/audit-trail`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    let res: Response;
    let body: unknown;
    try {
      res = await fetch(url, {
        headers: {
          authorization: caller.authorization,
          accept: 'application/json',
          ...(caller.requestId ? { 'x-request-id': caller.requestId } : {}),
        },
        signal: AbortSignal.timeout(READ_TIMEOUT_MS),
      });
      body = await res.json().catch(() => undefined);
    } catch {
      throw unavailable(name);
    }
    if (res.ok && Array.isArray(body)) return body as AuditEntry[];
    throw unavailable(name);
  }
}

function unavailable(service: string): AppError {
  return new AppError('AUDIT.SOURCE_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: `审计记录暂时无法完整读取（${service} 无响应），请稍后再试`,
    en: `The audit trail cannot be read in full right now (${service} did not answer); try again shortly`,
  });
}
