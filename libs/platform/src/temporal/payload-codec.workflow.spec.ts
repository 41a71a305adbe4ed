import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { createTimeSkippingEnv } from '../testing/time-skipping';
import { payloadDataConverter } from './payload-codec';

const PARTY = '某养老服务有限公司';

/** Every byte string and text of the history (walked directly: protobuf messages' toJSON would base64 the bytes). */
function historyText(node: unknown, out: string[] = []): string {
  if (node instanceof Uint8Array) out.push(Buffer.from(node).toString('utf8'));
  else if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) historyText(v, out);
  return out.join('\n');
}

async function runParty(env: TestWorkflowEnvironment, dataConverter: ReturnType<typeof payloadDataConverter>) {
  const taskQueue = `codec-${randomBytes(4).toString('hex')}`;
  let seenByActivity = '';
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('./testing/origin-probe.workflows'),
    activities: { note: async (step: string) => void (seenByActivity = step) },
    dataConverter,
  });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start('partyProbe', {
      taskQueue,
      workflowId: taskQueue,
      args: [{ party: PARTY }],
    });
    const result = await handle.result();
    return { result, seenByActivity, history: historyText(await handle.fetchHistory()) };
  });
}

/** The refusal probe: the activity's and the workflow's failure messages as the client sees them, and the history. */
async function runRefusal(env: TestWorkflowEnvironment, dataConverter: ReturnType<typeof payloadDataConverter>) {
  const taskQueue = `codec-${randomBytes(4).toString('hex')}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('./testing/origin-probe.workflows'),
    activities: {
      refuse: async (party: string) => {
        throw ApplicationFailure.nonRetryable(`the store refused ${party}`, 'STORE.REFUSED');
      },
    },
    dataConverter,
  });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start('refusalProbe', {
      taskQueue,
      workflowId: taskQueue,
      args: [{ party: PARTY }],
    });
    const failed = await handle.result().then(
      () => undefined,
      (err: unknown) => err,
    );
    if (!(failed instanceof WorkflowFailedError)) throw new Error(`the probe did not fail: ${String(failed)}`);
    const messages: string[] = [];
    for (let e: unknown = failed.cause; e instanceof Error; e = e.cause) messages.push(e.message);
    const events = (await handle.fetchHistory()).events ?? [];
    const failures = events.flatMap((e) =>
      [e.activityTaskFailedEventAttributes?.failure, e.workflowExecutionFailedEventAttributes?.failure].filter(
        (f) => f,
      ),
    );
    return { messages, failures: failures.map((f) => f?.message), history: historyText(events) };
  });
}

describe('workflow history with the payload codec (issue 12)', () => {
  const dataConverter = payloadDataConverter(`test-1:${randomBytes(32).toString('base64')}`);
  let sealed: TestWorkflowEnvironment;
  let plain: TestWorkflowEnvironment;
  beforeAll(async () => {
    sealed = await createTimeSkippingEnv({ dataConverter });
    plain = await createTimeSkippingEnv();
  }, 60_000);
  afterAll(async () => {
    await sealed?.teardown();
    await plain?.teardown();
  });

  it('R8, C1: the history on the server holds no party name in clear, while workflow and activity see it decoded', async () => {
    const run = await runParty(sealed, dataConverter);
    expect(run.result).toEqual({ party: PARTY });
    expect(run.seenByActivity).toBe(PARTY);
    expect(run.history).toContain('binary/encrypted');
    expect(run.history).not.toContain(PARTY);
  }, 60_000);

  it('R8, C1: without the codec the same history shows the name (the check above can see it)', async () => {
    const run = await runParty(plain, undefined);
    expect(run.history).toContain(PARTY);
  }, 60_000);

  it('C1, issue 12: a failure naming the party is sealed in the history (message and stack), while the client reads the real message', async () => {
    const run = await runRefusal(sealed, dataConverter);
    // The client, with the codec and the failure converter, sees both refusals as they were raised.
    expect(run.messages).toEqual([
      `the workflow refused ${PARTY}`,
      'Activity task failed',
      `the store refused ${PARTY}`,
    ]);
    // The server holds the activity's failure and the workflow's: their messages are placeholders, the rest sealed.
    expect(run.failures).toEqual(['Encoded failure', 'Encoded failure']);
    expect(run.history).toContain('binary/encrypted');
    expect(run.history).not.toContain(PARTY);
    expect(run.history).not.toMatch(/refused/);
  }, 60_000);

  it('C1, issue 12: without the codec the same failures stand in the history in clear (the check above can see them)', async () => {
    const run = await runRefusal(plain, undefined);
    expect(run.failures).toEqual([`the store refused ${PARTY}`, `the workflow refused ${PARTY}`]);
    expect(run.history).toContain(PARTY);
  }, 60_000);
});
