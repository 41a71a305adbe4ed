import { z } from 'zod';
import type { Topic } from './topics';

/** A versioned message contract: its type name, the topic it travels on, and the runtime schema of its data. */
export interface EventContract<S extends z.ZodTypeAny = z.ZodTypeAny> {
  readonly type: string;
  readonly topic: Topic;
  readonly data: S;
}

export function defineEvent<S extends z.ZodTypeAny>(contract: EventContract<S>): EventContract<S> {
  return contract;
}

/** Why a message was refused; goes with it to the dead-letter topic. */
export interface ContractViolation {
  reason: 'malformed-json' | 'invalid-envelope' | 'unknown-type' | 'invalid-data';
  detail: string;
}

export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
