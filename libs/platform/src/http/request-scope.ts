import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

const scope = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request being handled (X-Request-Id), wherever it is asked for; undefined outside a request. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** Express middleware (after request logging, which assigns req.id): the request id for everything it runs. */
export function requestScope() {
  return (req: IncomingMessage & { id?: unknown }, _res: ServerResponse, next: () => void): void => {
    scope.run({ requestId: String(req.id ?? '') }, next);
  };
}
