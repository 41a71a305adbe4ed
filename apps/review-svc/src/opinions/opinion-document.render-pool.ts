/**
 * Renders opinion documents off the service's event loop. Embedding a CJK font subset takes a few hundred
 * milliseconds of CPU per document; on the main thread that stalls every HTTP request, Kafka heartbeat and Temporal
 * activity of review-svc for as long. A small worker-thread pool (piscina) takes the work instead.
 *
 * `OPINION_RENDER_THREADS` sets the pool size (default 1; the work is CPU-bound, so more threads than spare cores
 * only adds memory: each thread holds its own parsed fonts). 0 renders on the main thread. Run from the TypeScript
 * sources (jest), the worker loads them through the repo's TypeScript hook, so tests exercise the same pool.
 */
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { OpinionDocumentInputError } from './opinion-document.errors';
import { renderOpinionDocument } from './opinion-document.renderer';
import type { RenderFailure, RenderOutcome } from './opinion-document.render-worker';
import type { OpinionDocumentInput, OpinionDocumentResult } from './opinion-document.types';

export type OpinionRenderer = (input: OpinionDocumentInput) => Promise<OpinionDocumentResult>;

/** Rebuilds the error the renderer threw in the worker, with the fields the opinion-document activity reads. */
function errorOf(failure: RenderFailure): Error {
  if (failure.code === 'OPINION_DOCUMENT.INVALID_INPUT' && failure.field !== undefined) {
    return new OpinionDocumentInputError(failure.field, failure.message_zh ?? '', failure.message_en ?? '');
  }
  return Object.assign(new Error(failure.message), failure.code === undefined ? {} : { code: failure.code });
}

export interface OpinionRenderPool {
  readonly render: OpinionRenderer;
  readonly threads: number;
  close(): Promise<void>;
}

export function createOpinionRenderPool(
  env: Readonly<Record<string, string | undefined>> = process.env,
): OpinionRenderPool {
  const configured = env['OPINION_RENDER_THREADS']?.trim();
  const threads = configured === undefined || configured === '' ? 1 : Number(configured);
  if (!Number.isInteger(threads) || threads < 0 || threads > 16) {
    throw new Error(`OPINION_RENDER_THREADS must be a whole number from 0 to 16, got "${configured}"`);
  }
  if (threads === 0) {
    return { render: (input) => renderOpinionDocument(input), threads: 0, close: async () => undefined };
  }
  const fromSources = __filename.endsWith('.ts');
  const pool = new Piscina<OpinionDocumentInput, RenderOutcome>({
    filename: join(__dirname, `opinion-document.render-worker.${fromSources ? 'ts' : 'js'}`),
    execArgv: fromSources ? ['--require', join(__dirname, '../../../../tools/ts-hook.js')] : [],
    minThreads: 0,
    maxThreads: threads,
    // A thread that has rendered keeps its parsed fonts; let it go only after a quiet spell.
    idleTimeout: 10 * 60_000,
  });
  return {
    threads,
    async render(input) {
      const outcome = await pool.run(input);
      if (!outcome.ok) throw errorOf(outcome.failure);
      // Buffers cross the thread boundary as plain byte arrays.
      return { copies: outcome.result.copies.map((c) => ({ ...c, pdf: Buffer.from(c.pdf) })) };
    },
    close: () => pool.destroy(),
  };
}
