import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics';

/** Express middleware: each response's latency, by method, route and status code. */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const path = req.path; // now: a router mounted on a path rewrites req.url while it handles the request
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequest(req.method, path, res.statusCode, seconds);
    });
    next();
  };
}
