import { defineUpdate, proxyActivities, sleep, setHandler } from '@temporalio/workflow';

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
