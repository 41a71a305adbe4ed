import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartyKind } from '@enforcement/domain';

/**
 * A case's handling deadline (执法期限) as announced by recording-svc; the review of a major decision must be submitted
 * at least 10 working days before it (SPEC L3), so review-svc keeps its own copy — with the party (当事人) that the
 * opinion document prints (L9).
 */
@Entity({ name: 'case_deadlines' })
export class CaseDeadline {
  @PrimaryColumn({ name: 'case_number', type: 'text' })
  caseNumber!: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ name: 'handling_deadline', type: 'timestamptz', nullable: true })
  handlingDeadline!: Date | null;

  /** 当事人 — the party's name as the case record holds it (R1); null when the case announced none. */
  @Column({ name: 'party_name', type: 'text', nullable: true })
  partyName!: string | null;

  /** The party's kind; null exactly when the name is. */
  @Column({ name: 'party_kind', type: 'text', nullable: true })
  partyKind!: PartyKind | null;

  /** Id of the event this row came from (traceability). */
  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId!: string;
}
