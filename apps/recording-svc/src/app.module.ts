import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TaskQueues, Topics } from '@enforcement/domain';
import {
  createStepFailureActivities,
  OutboxRelay,
  OutboxWriter,
  PlatformModule,
  TEMPORAL_ACTIVITIES,
  withStoreRefusals,
} from '@enforcement/platform';
import type { DataSource } from 'typeorm';
import { parseAvHandOverLimit, parseHandOverLimit } from './activities/case-deadline.activities';
import { createCaseActivities } from './activities/case.activities';
import { createCheckpointActivities } from './activities/checkpoint.activities';
import { createAccessActivities } from './access/access.activities';
import { AccessModule } from './access/access.module';
import { ArchiveModule } from './archive/archive.module';
import { createDeviceActivities, createDeviceReturnActivities } from './devices/device.activities';
import { createDeviceCheckActivities } from './devices/device-check.activities';
import { parseCheckInterval } from './devices/devices.settings';
import { DevicesModule } from './devices/devices.module';
import { RoomsModule } from './rooms/rooms.module';
import { InspectionsModule } from './inspections/inspections.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { CaseRecord } from './cases/case.entity';
import { migrations } from './database/migrations';
import { checkpointSignerFrom } from './integrity/checkpoint.store';
import { evidenceConfigFrom } from './evidence/evidence.config';
import { EvidenceModule } from './evidence/evidence.module';
import { IntegrityModule } from './integrity/integrity.module';
import { ReviewEventsConsumer } from './messaging/review-events.consumer';
import { createStoreCheckActivities } from './store-check/store-check.activities';
import { PgStoreCheckRepository } from './store-check/store-check.repository';
import { storeCheckQueue } from './store-check/store-check.queue';
import { StoreCheckModule } from './store-check/store-check.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'recording-svc',
      defaultPort: 3002,
      schema: 'recording',
      database: { entities: [CaseRecord], migrations },
      // The review's conclusion opens or keeps shut the case's decision step (L12).
      messaging: { topics: [Topics.review], handlers: [ReviewEventsConsumer] },
      worker: {
        taskQueue: TaskQueues.recording,
        workflowsPath: require.resolve('./workflows'),
        // R7: the whole-store check's batches, hashed where this instance's evidence store is.
        activityTaskQueues: [storeCheckQueue(evidenceConfigFrom(process.env).store.kind)],
        activities: {
          provide: TEMPORAL_ACTIVITIES,
          inject: [getDataSourceToken(), OutboxWriter, OutboxRelay, ConfigService],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter, relay: OutboxRelay, config: ConfigService) => {
            const agencyId = config.getOrThrow<string>('AGENCY_ID');
            // Issue 12: data the database refuses for good fails once (STORE.REFUSED); every other failure is
            // retried with backoff, logged and counted.
            return withStoreRefusals({
              ...createStepFailureActivities({ dataSource, outbox, relay, source: 'recording-svc' }),
              ...createCheckpointActivities({ dataSource, signer: checkpointSignerFrom(config) }),
              // R7: the whole-store check re-hashes the same store the uploads write to.
              ...createStoreCheckActivities({
                repo: new PgStoreCheckRepository(dataSource),
                store: evidenceConfigFrom(process.env).store,
              }),
              ...createAccessActivities({ dataSource }),
              ...createDeviceActivities({
                dataSource,
                outbox,
                relay,
                // R11: footage exported within 24 h of the device's return (000 附件6 第十九条), or `Nwd`.
                exportLimit: parseHandOverLimit('DEVICE_EXPORT_LIMIT', config.get<string>('DEVICE_EXPORT_LIMIT')),
              }),
              ...createDeviceReturnActivities({ dataSource, outbox, relay }),
              ...createDeviceCheckActivities({
                dataSource,
                outbox,
                relay,
                // R11: 定期核查 every `DEVICE_CHECK_INTERVAL` (30d by default), as the device page counts it.
                checkIntervalDays: parseCheckInterval(config.get<string>('DEVICE_CHECK_INTERVAL')),
              }),
              ...createCaseActivities({
                dataSource,
                outbox,
                relay,
                agency: { id: agencyId, name: config.get<string>('AGENCY_NAME') || agencyId },
                // R6: 24 h by default (seeds 000/003); `2wd` for agencies following seeds 002/004.
                avHandOver: parseAvHandOverLimit(config.get<string>('AV_HANDOVER_LIMIT')),
              }),
            });
          },
        },
      },
    }),
    IntegrityModule,
    EvidenceModule,
    StoreCheckModule,
    AccessModule,
    ArchiveModule,
    InspectionsModule,
    EvaluationModule,
    DevicesModule,
    RoomsModule,
  ],
})
export class AppModule {}
