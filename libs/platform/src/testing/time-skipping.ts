import { join } from 'node:path';
import type { PayloadCodec } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';

/**
 * Temporal's time-skipping test server from Maven Central (infra/temporal/test-server), so workflow tests run offline
 * and "3 working days" passes in milliseconds. The SDK's own download of the server is never used.
 */
export function createTimeSkippingEnv(
  options: { dataConverter?: { payloadCodecs: PayloadCodec[]; failureConverterPath?: string } } = {},
): Promise<TestWorkflowEnvironment> {
  try {
    // Test output shows the SDK's errors only; expected activity retries would otherwise print stack traces.
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // already installed for this test file
  }
  const path = join(__dirname, '../../../../infra/temporal/test-server');
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
    // A test of the payload codec gives the environment's client the codec its workers use.
    client: options.dataConverter ? { dataConverter: options.dataConverter } : undefined,
  });
}
