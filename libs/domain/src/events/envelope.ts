import { z } from 'zod';

/**
 * The envelope every Kafka message carries (one shape for all services; CloudEvents-like field names).
 * The payload's own contract is chosen by `type`; see `event-contracts.ts`.
 */
export const eventEnvelopeSchema = z.object({
  /** Unique, deterministic id (e.g. derived from workflow id + step), so a re-publish is recognisably the same fact. */
  id: z.string().uuid(),
  /** `<aggregate>.<past-tense fact>.v<N>`, e.g. `review.concluded.v1`; a breaking change is a new version. */
  type: z.string().regex(/^[a-z][a-z-]*\.[a-z][a-z-]*\.v[0-9]+$/, 'type must look like <aggregate>.<fact>.v<N>'),
  /** The service that published it (`review-svc`, …). */
  source: z.string().min(1),
  /** The case number (案件编号) the fact is about; also the Kafka key, so a case's events stay in order. */
  subject: z.string().min(1),
  /** When the fact happened, ISO-8601 with offset. */
  time: z.string().datetime({ offset: true }),
  /** Carries the id of the request or workflow that caused the fact, for tracing across services. */
  correlationId: z.string().min(1),
  /** The fact itself, validated against the contract of `type`. */
  data: z.unknown(),
});

export type EventEnvelope<T = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'data'> & { data: T };
