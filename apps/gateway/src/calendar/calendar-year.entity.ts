import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { YearArrangement } from '@enforcement/workdays';

/** The arrangement of a year as the agency published it at run time (SPEC W4); the latest revision per year. */
@Entity({ name: 'calendar_years' })
export class CalendarYear {
  @PrimaryColumn('int')
  year!: number;

  @Column('int')
  revision!: number;

  @Column('jsonb')
  arrangement!: YearArrangement;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy!: string;

  @UpdateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
