/**
 * Imported first by every service's main.ts: starts tracing before Nest, express, pg and undici are loaded, so their
 * instrumentation patches the modules the service then uses (see tracing.sdk). Does nothing when tracing is off.
 */
import { startTracing } from './tracing.sdk';

try {
  startTracing();
} catch (err) {
  // A wrong OTEL_* variable stops the service with one line, like any other configuration error.
  process.stderr.write(`${process.env.SERVICE_NAME ?? 'service'} failed to start: ${(err as Error).message}\n`);
  process.exit(1);
}
