import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { CalendarSync } from './calendar-sync';

/** Up once the service has caught up with the published calendar; reports the years it covers. */
@Injectable()
export class CalendarHealthIndicator {
  constructor(
    private readonly sync: CalendarSync,
    private readonly health: HealthIndicatorService,
  ) {}

  check(key = 'calendar') {
    const { years, fingerprint, publishedYearsApplied, lastError, coverageWarning } = this.sync.status();
    return this.health.check(key).up({
      years,
      fingerprint,
      publishedYearsApplied,
      lastError: lastError ?? null,
      coverageWarning,
    });
  }
}
