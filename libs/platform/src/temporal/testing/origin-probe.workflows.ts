import { ApplicationFailure, defineUpdate, proxyActivities, sleep, setHandler } from '@temporalio/workflow';

/** A person's command, as an update whose handler runs an activity. */
export const probeCommand = defineUpdate<void, [string]>('probeCommand');

const { note } = proxyActivities<{ note(step: string): Promise<void> }>({ startToCloseTimeout: '10 seconds' });

/** Test workflow for the origin's journey: an activity at start, one per command, one after a timer. */
export async function originProbe(): Promise<void> {
  setHandler(probeCommand, async (step) => {
    await note(step);
  });
  await note('start');
  await sleep('1 day');
  await note('after-timer');
}

/** Test workflow for the payload codec: the party travels as input, activity argument, activity result and result. */
export async function partyProbe(input: { party: string }): Promise<{ party: string }> {
  await note(input.party);
  return input;
}

const { refuse } = proxyActivities<{ refuse(party: string): Promise<void> }>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 1 },
});

/**
 * Test workflow for the failure converter: an activity refuses naming the party, and the workflow fails naming it
 * too (one failure made in the worker's process, one in the workflow's sandbox).
 */
export async function refusalProbe(input: { party: string }): Promise<void> {
  try {
    await refuse(input.party);
  } catch (err) {
    throw ApplicationFailure.create({
      message: `the workflow refused ${input.party}`,
      nonRetryable: true,
      cause: err as Error,
    });
  }
}
