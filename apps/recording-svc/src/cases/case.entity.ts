import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EnforcementCategory, PartyKind } from '@enforcement/domain';

/** 案件 — an enforcement case as recording-svc keeps it (SPEC R1). */
@Entity({ name: 'cases' })
export class CaseRecord {
  @PrimaryColumn({ name: 'case_number', type: 'text' })
  caseNumber!: string;

  @Column('text')
  category!: EnforcementCategory;

  @Column('text')
  title!: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ name: 'initiated_at', type: 'timestamptz' })
  initiatedAt!: Date;

  @Column({ name: 'handling_deadline', type: 'timestamptz', nullable: true })
  handlingDeadline!: Date | null;

  @Column({ name: 'initiated_by', type: 'text' })
  initiatedBy!: string;

  @Column({ name: 'party_name', type: 'text', nullable: true })
  partyName!: string | null;

  @Column({ name: 'party_kind', type: 'text', nullable: true })
  partyKind!: PartyKind | null;

  @Column({ name: 'party_id_number', type: 'text', nullable: true })
  partyIdNumber!: string | null;

  @Column({ name: 'party_address', type: 'text', nullable: true })
  partyAddress!: string | null;

  @Column({ name: 'party_contact', type: 'text', nullable: true })
  partyContact!: string | null;

  @Column({ name: 'initiation_mode', type: 'text', default: 'ex-officio' })
  initiationMode!: string;

  @Column({ name: 'needs_review', type: 'boolean', default: false })
  needsReview!: boolean;

  @Column({ type: 'text', default: 'initiation' })
  step!: string;

  @Column({ type: 'text', default: 'open' })
  outcome!: string;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;
}
