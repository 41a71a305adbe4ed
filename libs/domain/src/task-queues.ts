/** Temporal task queues, one per domain service (docs/architecture.md); the gateway starts workflows on them. */
export const TaskQueues = {
  recording: 'recording',
  review: 'review',
  disclosure: 'disclosure',
} as const;
