import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EnforcementCategory } from '@enforcement/domain';

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

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;
}
