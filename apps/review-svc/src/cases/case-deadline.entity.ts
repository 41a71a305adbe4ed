import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A case's handling deadline (执法期限) as announced by recording-svc; the review of a major decision must be submitted
 * at least 10 working days before it (SPEC L3), so review-svc keeps its own copy.
 */
@Entity({ name: 'case_deadlines' })
export class CaseDeadline {
  @PrimaryColumn({ name: 'case_number', type: 'text' })
  caseNumber!: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ name: 'handling_deadline', type: 'timestamptz', nullable: true })
  handlingDeadline!: Date | null;

  /** Id of the event this row came from (traceability). */
  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId!: string;
}
