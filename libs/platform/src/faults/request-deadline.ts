import type { NextFunction, Request, Response } from 'express';
import { RETRY_AFTER_SECONDS } from './unavailable';

/** The GraphQL answer to a request the service could not finish in time, or could not serve for want of its database. */
export function unavailableBody(message: string): {
  errors: { message: string; extensions: Record<string, unknown> }[];
} {
  return { errors: [{ message, extensions: { code: 'UNAVAILABLE', retryable: true } }] };
}

/**
 * Express middleware: a request not answered within `timeoutMs` gets 503 UNAVAILABLE with Retry-After, and
 * whatever the handler writes later is dropped. The work itself is bounded separately (pool wait,
 * statement_timeout), so nothing waits for ever. A mutation answered this way may still have been recorded: the
 * caller retries with the same commandId, which records it at most once.
 */
export function requestDeadline(timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS));
      res.json(unavailableBody(`The request did not finish within ${timeoutMs} ms; try again shortly`));
      // The handler still runs to its end; its answer has nowhere to go.
      const ignore = function (this: Response) {
        return this;
      };
      res.setHeader = ignore as never;
      res.writeHead = ignore as never;
      res.write = (() => true) as never;
      res.end = ignore as never;
    }, timeoutMs);
    timer.unref();
    res.on('close', () => clearTimeout(timer));
    res.on('finish', () => clearTimeout(timer));
    next();
  };
}
