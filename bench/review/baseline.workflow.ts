import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

/** One step of the baseline: an update that runs as many trivial activities as the review command it stands for. */
export const baselineStepUpdate = defineUpdate<number, [number]>('baselineStep');

const { touch } = proxyActivities<{ touch(step: number): Promise<number> }>({ startToCloseTimeout: '30 seconds' });

/**
 * The bare workflow the review benchmark compares against: the same number of updates and activities as one review
 * driven to a concluded opinion, with nothing else — no HTTP, no validation, no database, no outbox.
 */
export async function benchBaselineWorkflow(activitiesPerStep: number[], startActivities: number): Promise<void> {
  let done = 0;
  let started = false;
  // Registered before anything is awaited: an update that arrives with the first workflow task must find its handler.
  setHandler(baselineStepUpdate, async (step) => {
    await condition(() => started);
    for (let i = 0; i < (activitiesPerStep[step] ?? 0); i++) await touch(step);
    done += 1;
    return done;
  });
  for (let i = 0; i < startActivities; i++) await touch(-1);
  started = true;
  await condition(() => done >= activitiesPerStep.length);
}
