import type { NextFunction, Request, Response } from 'express';
import type { ServiceMetrics } from './metrics.registry';

/**
 * Counts and times every HTTP answer. The route label is Express's route template (`/cases/:caseNumber/timeline`),
 * never the raw path, so case numbers and ids do not become label values; a request no route matched is `unmatched`.
 */
export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const template = (req.route as { path?: string } | undefined)?.path;
      const labels = {
        method: req.method,
        route: typeof template === 'string' ? `${req.baseUrl}${template}` : 'unmatched',
        status: String(res.statusCode),
      };
      stop(labels);
      metrics.httpRequests.inc(labels);
    });
    next();
  };
}
