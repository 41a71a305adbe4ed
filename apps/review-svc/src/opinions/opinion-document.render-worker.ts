/**
 * Runs in a worker thread of the render pool (opinion-document.render-pool.ts): renders one opinion document.
 * Failures come back as data, not as a thrown error, because a thrown error crosses the thread boundary without its
 * class and fields, and the activity decides between "retry" and "never retry" by exactly those.
 */
import { renderOpinionDocument } from './opinion-document.renderer';
import type { OpinionDocumentInput, OpinionDocumentResult } from './opinion-document.types';

export interface RenderFailure {
  readonly message: string;
  readonly code?: string;
  readonly field?: string;
  readonly message_zh?: string;
  readonly message_en?: string;
}

export type RenderOutcome =
  | { readonly ok: true; readonly result: OpinionDocumentResult }
  | { readonly ok: false; readonly failure: RenderFailure };

export default async function renderInWorker(input: OpinionDocumentInput): Promise<RenderOutcome> {
  try {
    return { ok: true, result: await renderOpinionDocument(input) };
  } catch (error) {
    const { message, code, field, message_zh, message_en } = error as Error &
      Partial<Record<keyof RenderFailure, string>>;
    return { ok: false, failure: { message: String(message), code, field, message_zh, message_en } };
  }
}
