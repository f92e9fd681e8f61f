import type { NextFunction, Request, Response } from 'express';
import { attachDeadline, currentDeadline, type DeadlineState } from '../http/request-scope';
import { RETRY_AFTER_SECONDS, ServiceUnavailable } from './unavailable';

type UnavailableBody = { errors: { message: string; extensions: Record<string, unknown> }[] };

/** The GraphQL answer to a request the service could not finish in time, or could not serve for want of its database. */
export function unavailableBody(message: string, extensions: Record<string, unknown> = {}): UnavailableBody {
  return { errors: [{ message, extensions: { code: 'UNAVAILABLE', retryable: true, ...extensions } }] };
}

/**
 * The deadline's answer. No write had begun: nothing was or will be written (writes not begun by then never run).
 * Some had: their outcome is unknown (a statement may commit after the answer), and each keyed write's commandId —
 * the caller's, or the one the service gave it — is returned, so that sending it again records it at most once.
 */
export function deadlineBody(timeoutMs: number, writes: DeadlineState['writes']): UnavailableBody {
  if (writes.length === 0) {
    return unavailableBody(`The request did not finish within ${timeoutMs} ms and wrote nothing; try again shortly`);
  }
  const commandIds = Object.fromEntries(writes.flatMap((w) => (w.commandId ? [[w.field, w.commandId]] : [])));
  return unavailableBody(
    `The request did not finish within ${timeoutMs} ms while writing: it may or may not have been recorded. ` +
      'Send it again with the same commandId (extensions.commandIds, by field): what was recorded returns its ' +
      'first result and is not written twice (an import sent again writes only the rows not yet recorded)',
    { outcome: 'UNKNOWN', commandIds },
  );
}

/**
 * Called by a mutation before it writes: records the write (and its key) for the deadline's answer, or refuses
 * the write when the request's deadline has already passed (it then never runs, so its answer stays true).
 */
export function admitWrite(field: string, commandId: string | null): void {
  const deadline = currentDeadline();
  if (!deadline) return;
  if (deadline.passed) {
    throw new ServiceUnavailable('The request passed its deadline before this write began: nothing was written');
  }
  deadline.writes.push({ field, commandId });
}

/**
 * Express middleware: a request not answered within `timeoutMs` gets 503 UNAVAILABLE with Retry-After (and, when
 * writes had begun, outcome UNKNOWN and their commandIds), and whatever the handler writes later is dropped. The
 * work itself is bounded separately (pool wait, statement_timeout), so nothing waits for ever.
 */
export function requestDeadline(timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const deadline: DeadlineState = { passed: false, writes: [] };
    attachDeadline(deadline);
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      deadline.passed = true;
      res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS));
      res.json(deadlineBody(timeoutMs, deadline.writes));
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
