import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { NotPersonalData } from '../audit/read-record';
import { Public } from '../errors/public.decorator';
import { CalendarHealthIndicator } from '../calendar/calendar.health';
import { KafkaHealthIndicator, TemporalHealthIndicator } from './dependency.indicators';

/** A ping that takes longer is as good as down for a person waiting on a command. */
const STORE_PING_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
    private readonly calendar: CalendarHealthIndicator,
  ) {}

  @Get()
  @NotPersonalData('liveness of the process')
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Whether this service and every dependency it needs (PostgreSQL, Kafka, Temporal) are up, and which calendar it uses',
  })
  check() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 3000 }),
      () => this.kafka.check(),
      () => this.temporal.check(),
      () => this.calendar.check(),
    ]);
  }

  /**
   * Only this service's PostgreSQL, with a short bound: the gateway asks it before it sends a command whose commit
   * needs that store (issue 12), so the command is answered 503 at once instead of being accepted and left retrying.
   */
  @Get('store')
  @NotPersonalData('liveness of the service’s PostgreSQL')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Whether this service’s PostgreSQL answers (within 2 s): what its commands need to commit' })
  store() {
    return this.health.check([() => this.db.pingCheck('postgres', { timeout: STORE_PING_TIMEOUT_MS })]);
  }
}

/**
 * `GET /health` (Terminus), and `GET /health/store` (PostgreSQL only): 200 with each dependency's state when all are
 * up; 503 when one is down, answered by the error filter as the generic bilingual SERVICE.UNAVAILABLE body with
 * Retry-After — which one is down Terminus logs.
 */
@Module({})
export class HealthModule {
  static forService(): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty', gracefulShutdownTimeoutMs: 0 })],
      controllers: [HealthController],
      providers: [KafkaHealthIndicator, TemporalHealthIndicator, CalendarHealthIndicator],
    };
  }
}
