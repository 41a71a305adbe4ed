import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { calendarSubject, calendarYearPublishedV1, type Actor } from '@enforcement/domain';
import { AppError, deterministicEventId, OutboxRelay, OutboxWriter } from '@enforcement/platform';
import { bundledCalendar, validateYearArrangement, type YearArrangement } from '@enforcement/workdays';
import { CalendarYear } from './calendar-year.entity';

/**
 * Publishes a year's arrangement (SPEC W4): validates it with the calendar's own rules, stores it, audits the change
 * and announces it on the compacted calendar topic — one transaction, so a stored arrangement is always announced.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  async publish(year: number, input: unknown, actor: Actor, correlationId: string) {
    const checked = validateYearArrangement(input);
    if (!checked.ok) {
      const first = checked.errors[0];
      throw new AppError(
        'CALENDAR.INVALID_ARRANGEMENT',
        HttpStatus.BAD_REQUEST,
        {
          zh: `节假日安排有 ${checked.errors.length} 处错误，例如 ${first.path}：${first.message_zh}`,
          en: `The arrangement has ${checked.errors.length} error(s), e.g. ${first.path}: ${first.message_en}`,
        },
        checked.errors,
      );
    }
    const arrangement: YearArrangement = checked.value;
    if (arrangement.year !== year) {
      throw new AppError('CALENDAR.YEAR_MISMATCH', HttpStatus.BAD_REQUEST, {
        zh: `路径中的年份 ${year} 与安排中的年份 ${arrangement.year} 不一致`,
        en: `The year in the path (${year}) differs from the arrangement's year (${arrangement.year})`,
      });
    }
    const result = await this.dataSource.transaction(async (manager) => {
      // Serialise publications of one year, so revisions are gap-free and in order.
      await manager.query('select pg_advisory_xact_lock($1)', [year]);
      const previous = await manager.findOneBy(CalendarYear, { year });
      const revision = (previous?.revision ?? 0) + 1;
      await manager.save(CalendarYear, { year, revision, arrangement, publishedBy: actor.id });
      await manager.query(
        `insert into calendar_changes (year, revision, arrangement, changed_by, correlation_id) values ($1, $2, $3, $4, $5)`,
        [year, revision, arrangement, actor.id, correlationId],
      );
      await manager.query(`insert into audit_log (actor, action, subject, detail) values ($1, $2, $3, $4)`, [
        actor.id,
        previous ? 'calendar.correct' : 'calendar.publish',
        calendarSubject(year),
        { revision, replacesBundled: bundledCalendar().years.includes(year) },
      ]);
      const eventId = deterministicEventId(calendarSubject(year), `revision-${revision}`);
      await this.outbox.append(manager, calendarYearPublishedV1, {
        id: eventId,
        type: calendarYearPublishedV1.type,
        source: 'gateway',
        subject: calendarSubject(year),
        time: new Date().toISOString(),
        correlationId,
        data: { year, revision, arrangement, publishedBy: actor.id },
      });
      return { year, revision, eventId };
    });
    this.relay.kick();
    return result;
  }

  async stored(): Promise<Pick<CalendarYear, 'year' | 'revision' | 'publishedBy' | 'publishedAt'>[]> {
    return this.dataSource.getRepository(CalendarYear).find({
      select: { year: true, revision: true, publishedBy: true, publishedAt: true },
      order: { year: 'ASC' },
    });
  }
}
