import { eventEnvelopeSchema, type EventEnvelope } from './envelope';
import { describeZodError, type ContractViolation, type EventContract } from './event-contract';
import { calendarYearPublishedV1 } from './calendar-year-published.v1';
import { caseDecisionIssuedV1 } from './case-decision-issued.v1';
import { caseDecisionRevokedV1 } from './case-decision-revoked.v1';
import { caseExecutionRecordedV1 } from './case-execution-recorded.v1';
import { caseInitiatedV1 } from './case-initiated.v1';
import { deadlineMetV1 } from './deadline-met.v1';
import { deadlineMissedV1 } from './deadline-missed.v1';
import { deadlineStartedV1 } from './deadline-started.v1';
import { deadlineWarningV1 } from './deadline-warning.v1';
import { disclosureCorrectedV1 } from './disclosure-corrected.v1';
import {
  disclosureExAnteCorrectedV1,
  disclosureExAntePublishedV1,
  disclosureExAnteWithdrawnV1,
} from './disclosure-ex-ante.v1';
import { disclosurePublishedV1 } from './disclosure-published.v1';
import { disclosureWithdrawnV1 } from './disclosure-withdrawn.v1';
import { inspectionResultRecordedV1 } from './inspection-result-recorded.v1';
import { reviewAcceptedV1 } from './review-accepted.v1';
import { reviewConcludedV1 } from './review-concluded.v1';
import { reviewDecisionAttemptRefusedV1 } from './review-decision-attempt-refused.v1';
import { reviewExtendedV1 } from './review-extended.v1';
import { reviewMaterialsRequestedV1 } from './review-materials-requested.v1';
import { reviewNotAcceptedV1 } from './review-not-accepted.v1';
import { reviewOpinionIssuedV1 } from './review-opinion-issued.v1';
import { reviewPausedV1 } from './review-paused.v1';
import { reviewResumedV1 } from './review-resumed.v1';
import { reviewSubmittedV1 } from './review-submitted.v1';
import { workflowStepFailedV1 } from './workflow-step-failed.v1';

/** Every contract a service may consume. A type not listed here is refused (dead-lettered), never guessed at. */
export const eventContracts: readonly EventContract[] = [
  calendarYearPublishedV1,
  caseDecisionIssuedV1,
  caseDecisionRevokedV1,
  caseExecutionRecordedV1,
  caseInitiatedV1,
  deadlineMetV1,
  deadlineMissedV1,
  deadlineStartedV1,
  deadlineWarningV1,
  disclosureCorrectedV1,
  disclosureExAnteCorrectedV1,
  disclosureExAntePublishedV1,
  disclosureExAnteWithdrawnV1,
  disclosurePublishedV1,
  disclosureWithdrawnV1,
  inspectionResultRecordedV1,
  reviewAcceptedV1,
  reviewConcludedV1,
  reviewDecisionAttemptRefusedV1,
  reviewExtendedV1,
  reviewMaterialsRequestedV1,
  reviewNotAcceptedV1,
  reviewOpinionIssuedV1,
  reviewPausedV1,
  reviewResumedV1,
  reviewSubmittedV1,
  workflowStepFailedV1,
];

const byType = new Map(eventContracts.map((c) => [c.type, c]));

export type ParsedEvent = { ok: true; event: EventEnvelope } | { ok: false; violation: ContractViolation };

/** Parses and validates one raw Kafka message value: JSON, then the envelope, then the data of its type. */
export function parseEvent(
  raw: Buffer | string | null,
  contracts: ReadonlyMap<string, EventContract> = byType,
): ParsedEvent {
  let json: unknown;
  try {
    json = JSON.parse(raw === null ? '' : raw.toString());
  } catch (e) {
    return { ok: false, violation: { reason: 'malformed-json', detail: (e as Error).message } };
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, violation: { reason: 'invalid-envelope', detail: describeZodError(envelope.error) } };
  }
  const contract = contracts.get(envelope.data.type);
  if (!contract) {
    return { ok: false, violation: { reason: 'unknown-type', detail: `no contract for type ${envelope.data.type}` } };
  }
  const data = contract.data.safeParse(envelope.data.data);
  if (!data.success) {
    return { ok: false, violation: { reason: 'invalid-data', detail: describeZodError(data.error) } };
  }
  return { ok: true, event: { ...envelope.data, data: data.data } };
}
