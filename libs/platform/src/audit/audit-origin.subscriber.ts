import {
  EventSubscriber,
  type BeforeQueryEvent,
  type EntitySubscriberInterface,
  type TransactionStartEvent,
} from 'typeorm';
import { currentOrigin } from './origin';

/** The PostgreSQL setting the audit columns' defaults and the audit trigger read. */
export const AUDIT_ORIGIN_SETTING = 'audit.origin';

const SET_ORIGIN = `select set_config($1, $2, $3)`;
/** Statements that may change rows (a CTE may hide an insert or update). */
const WRITES = /^\s*(insert|update|delete|with|merge)\b/i;

function originValue(): string {
  const origin = currentOrigin();
  return origin ? JSON.stringify(origin) : '';
}

/**
 * Hands the current origin (who, from where, correlation id) to PostgreSQL, so the audit trigger and the defaults of
 * `audit_log`'s origin columns fill every audit row without each statement passing it:
 * - at the start of every transaction, transaction-local (it ends with the transaction);
 * - before a write outside a transaction, on the session — always set, empty when there is no origin, so a pooled
 *   connection never lends one caller's origin to the next caller's write.
 */
// Registered by class in the data source's `subscribers`; TypeORM only takes classes marked with this decorator.
@EventSubscriber()
export class AuditOriginSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    await event.queryRunner.query(SET_ORIGIN, [AUDIT_ORIGIN_SETTING, originValue(), true]);
  }

  async beforeQuery(event: BeforeQueryEvent<unknown>): Promise<void> {
    if (event.queryRunner.isTransactionActive || !WRITES.test(event.query)) return;
    await event.queryRunner.query(SET_ORIGIN, [AUDIT_ORIGIN_SETTING, originValue(), false]);
  }
}
