import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the request deadline knows of a request: whether it has passed, and the writes started before it did. */
export interface DeadlineState {
  passed: boolean;
  /** Mutation fields (response keys) that began writing, with the idempotency key each writes under (if any). */
  readonly writes: { field: string; commandId: string | null }[];
}

const scope = new AsyncLocalStorage<{ requestId: string; deadline?: DeadlineState }>();

/** The id of the request being handled (X-Request-Id), wherever it is asked for; undefined outside a request. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** The deadline of the request being handled (set by requestDeadline), if it has one. */
export function currentDeadline(): DeadlineState | undefined {
  return scope.getStore()?.deadline;
}

/** Gives the request being handled a deadline state (requestDeadline does, for the requests it bounds). */
export function attachDeadline(state: DeadlineState): void {
  const store = scope.getStore();
  if (store) store.deadline = state;
}

/** Express middleware (after request logging, which assigns req.id): the request id for everything it runs. */
export function requestScope() {
  return (req: IncomingMessage & { id?: unknown }, _res: ServerResponse, next: () => void): void => {
    scope.run({ requestId: String(req.id ?? '') }, next);
  };
}
