import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Consumer, Kafka } from 'kafkajs';
import { calendarYearPublishedV1, parseEvent, type CalendarYearPublishedV1 } from '@enforcement/domain';
import { calendarVersion, coverageWarning, loadYearArrangement, type CalendarVersion } from '@enforcement/workdays';
import { KAFKA } from '../messaging/kafka.provider';

const contracts = new Map([[calendarYearPublishedV1.type, calendarYearPublishedV1]]);

export type CalendarChangeListener = (change: { year: number; revision: number; version: CalendarVersion }) => void;

/**
 * Keeps this process's working-day calendar in step with the agency's published arrangements (SPEC W4): reads the
 * compacted `calendar.v1` topic from its beginning at start (the service is not ready until it has caught up), then
 * applies every new arrangement within moments of its publication — no release, no restart.
 *
 * Every instance must see every arrangement, so each uses a consumer group of its own and commits no offsets.
 */
@Injectable()
export class CalendarSync implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CalendarSync.name);
  private consumer?: Consumer;
  private readonly listeners: CalendarChangeListener[] = [];
  private readonly applied = new Map<number, number>();
  private lastError?: string;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly config: ConfigService,
  ) {}

  /** Called after each applied arrangement (review-svc re-times running workflows with it). */
  onChange(listener: CalendarChangeListener): void {
    this.listeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    const topic = calendarYearPublishedV1.topic;
    const admin = this.kafka.admin();
    await admin.connect();
    const highWatermarks = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    const pending = new Map(highWatermarks.filter((p) => p.high !== '0').map((p) => [p.partition, BigInt(p.high)]));

    let caughtUp!: () => void;
    const ready = new Promise<void>((resolve) => (caughtUp = resolve));
    if (pending.size === 0) caughtUp();

    this.consumer = this.kafka.consumer({
      groupId: `${this.config.getOrThrow<string>('SERVICE_NAME')}.calendar.${randomUUID()}`,
      allowAutoTopicCreation: false,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        this.apply(message.value);
        const high = pending.get(partition);
        if (high !== undefined && BigInt(message.offset) + 1n >= high) {
          pending.delete(partition);
          if (pending.size === 0) caughtUp();
        }
      },
    });
    await ready;
    const v = calendarVersion();
    this.logger.log(`calendar ready: years ${v.years[0]}–${v.years[v.years.length - 1]}, fingerprint ${v.fingerprint}`);
    const warning = coverageWarning(v.years[v.years.length - 1], new Date());
    if (warning) this.logger.warn(warning.message_en);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }

  /** What /health reports: which years this process can compute deadlines for, and which calendar it uses. */
  status() {
    const v = calendarVersion();
    return {
      years: `${v.years[0]}-${v.years[v.years.length - 1]}`,
      // W7: the year after the published ones, derived from the national holiday regulation; its deadlines say so.
      provisionalYear: v.provisionalYear,
      fingerprint: v.fingerprint,
      publishedYearsApplied: Object.fromEntries(this.applied),
      lastError: this.lastError,
      // W3: deadlines reaching past the last year will fail; say so weeks ahead (the service itself is fine).
      coverageWarning: coverageWarning(v.years[v.years.length - 1], new Date()),
    };
  }

  private apply(raw: Buffer | null): void {
    // A tombstone (null value) on a compacted topic would mean "forget this year"; we never publish one.
    if (raw === null) return;
    const parsed = parseEvent(raw, contracts);
    if (!parsed.ok) {
      // Not fatal: the gateway validated before publishing, so this is a foreign or corrupt message.
      this.lastError = `${parsed.violation.reason}: ${parsed.violation.detail}`;
      this.logger.error(`ignoring an invalid calendar message: ${this.lastError}`);
      return;
    }
    const data = parsed.event.data as CalendarYearPublishedV1;
    if ((this.applied.get(data.year) ?? 0) >= data.revision) return;
    loadYearArrangement(data.arrangement);
    this.applied.set(data.year, data.revision);
    const version = calendarVersion();
    this.logger.log(`calendar ${data.year} revision ${data.revision} applied (fingerprint ${version.fingerprint})`);
    for (const listener of this.listeners) listener({ year: data.year, revision: data.revision, version });
  }
}
