import { AsyncLocalStorage } from 'node:async_hooks';
import { HttpStatus, SetMetadata } from '@nestjs/common';
import { AppError } from '../errors/app-error';

/**
 * Which read of a route leaves an access record (SPEC R8, C3), as metadata the route table can read:
 *
 * - `@RecordsRead()` on the handler that serves the read and writes its record (`recordAccess`, or recording-svc's
 *   `logAccess`, which calls it). The decorator also holds the handler to it: an answer produced without a record
 *   is refused with a 500 instead of leaving unrecorded.
 * - `@ReadRecordedBy(service, route)` on a gateway route that forwards the read to the service which records it;
 *   `test/read-records.spec.ts` finds that route in the service and checks it carries `@RecordsRead()`.
 * - `@NotPersonalData(why)` on a route whose answer holds no case, party, review, evidence or unredacted
 *   publication data (calendars, catalogues, device registers, figures, deadline boards, published portal items).
 *
 * Every GET route of the gateway carries one of the three; the test fails the build on one that carries none.
 */
export const READ_RECORD_KEY = 'access:read-record';

export type ReadRecorder = 'gateway' | 'recording-svc' | 'review-svc' | 'disclosure-svc';

export type ReadRecordRule =
  | { readonly personalData: true; readonly recordedHere: true }
  | { readonly personalData: true; readonly recordedHere: false; readonly by: ReadRecorder; readonly route: string }
  | { readonly personalData: false; readonly why: string };

interface ReadScope {
  records: number;
}

const scopes = new AsyncLocalStorage<ReadScope>();

/** Called by `recordAccess` once its row is written: the handler running under `@RecordsRead()` has its record. */
export function noteReadRecorded(): void {
  const scope = scopes.getStore();
  if (scope) scope.records += 1;
}

function readNotRecorded(handler: string): AppError {
  return new AppError('AUDIT.READ_NOT_RECORDED', HttpStatus.INTERNAL_SERVER_ERROR, {
    zh: '本次查阅未能登记调阅记录，故不予提供，请联系管理员',
    en: `The read was not recorded in the access log (${handler}), so it was not served; contact the administrator`,
  });
}

/** The handler serves a read of personal or case data and writes its access record before it answers. */
export function RecordsRead(): MethodDecorator {
  return (target, key, descriptor: PropertyDescriptor) => {
    const handler = descriptor.value as (...args: unknown[]) => unknown;
    const name = `${(target as { constructor: { name: string } }).constructor.name}.${String(key)}`;
    const wrapped = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
      const scope: ReadScope = { records: 0 };
      const answer = await scopes.run(scope, () => handler.apply(this, args));
      // A handler that answered without writing its record is a bug; the answer would leave unrecorded (R8).
      if (scope.records === 0) throw readNotRecorded(name);
      return answer;
    };
    // Nest, Swagger and the access decorators below this one keep their metadata on the original function.
    for (const k of Reflect.getOwnMetadataKeys(handler)) {
      Reflect.defineMetadata(k, Reflect.getOwnMetadata(k, handler), wrapped);
    }
    Object.defineProperty(wrapped, 'name', { value: handler.name });
    descriptor.value = wrapped;
    SetMetadata<string, ReadRecordRule>(READ_RECORD_KEY, { personalData: true, recordedHere: true })(
      target,
      key,
      descriptor,
    );
    return descriptor;
  };
}

/** A gateway route whose read `service` serves at `route` (e.g. `GET /cases/:caseNumber/timeline`) and records. */
export const ReadRecordedBy = (by: Exclude<ReadRecorder, 'gateway'>, route: string) =>
  SetMetadata<string, ReadRecordRule>(READ_RECORD_KEY, { personalData: true, recordedHere: false, by, route });

/** The route's answer holds no personal or case data (say what it holds instead): its reads leave no record. */
export const NotPersonalData = (why: string) =>
  SetMetadata<string, ReadRecordRule>(READ_RECORD_KEY, { personalData: false, why });
