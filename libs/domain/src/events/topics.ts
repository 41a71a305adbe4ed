/** Kafka topics, one constant each; infra/kafka/topics creates them with their partitions and retention. */
export const Topics = {
  case: 'enforcement.case.v1',
  review: 'enforcement.review.v1',
  disclosure: 'enforcement.disclosure.v1',
  deadline: 'enforcement.deadline.v1',
  calendar: 'calendar.v1',
  deadLetter: 'enforcement.dead-letter.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];
