import { v5 as uuidv5 } from 'uuid';

// Fixed namespace for our event ids; changing it would make every re-published event look new.
const EVENT_ID_NAMESPACE = '3b0c6f5e-9a43-4d0c-8f1e-6a1f2d7c9e21';

/**
 * The id of the event that step `step` of workflow (or aggregate) `origin` produces: the same inputs always give the
 * same id, so a retried activity or a re-run relay publishes a fact that consumers recognise as already seen.
 */
export function deterministicEventId(origin: string, step: string): string {
  return uuidv5(`${origin}#${step}`, EVENT_ID_NAMESPACE);
}
