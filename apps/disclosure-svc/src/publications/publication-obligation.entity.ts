import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnforcementCategory } from '@enforcement/domain';

/**
 * 公示义务 — a case whose outcome will have to be published (SPEC D4). Opened when a case is initiated; the decision
 * that fixes the publication deadline (7 or 20 working days by category) arrives later.
 */
@Entity({ name: 'publication_obligations' })
export class PublicationObligation {
  @PrimaryColumn({ name: 'case_number', type: 'text' })
  caseNumber!: string;

  @Column('text')
  category!: EnforcementCategory;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId!: string;
}
