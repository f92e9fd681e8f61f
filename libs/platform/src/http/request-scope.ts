import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** What the request deadline knows of a request: whether it has passed, and the writes started before it did. */
export interface DeadlineState {
  passed: boolean;
  /** Mutation fields (response keys) that began writing, with the idempotency key each writes under (if any). */
  readonly writes: { field: string; commandId: string | null }[];
}

interface Scope {
  requestId: string;
  deadline?: DeadlineState;
}

const scope = new AsyncLocalStorage<Scope>();
const SCOPE = Symbol('request scope');

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

type RawWithScope = FastifyRequest['raw'] & { id?: unknown; [SCOPE]?: Scope };

/**
 * Fastify hooks (after request logging, which assigns the raw request's id): the request id for everything the
 * request runs. `onRequest` opens the scope for the hooks that follow; `preHandler` enters it again right before
 * the handler, whatever the body parser's callbacks ran in.
 */
export function requestScope() {
  return {
    onRequest(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
      const raw = request.raw as RawWithScope;
      const store: Scope = { requestId: String(raw.id ?? '') };
      raw[SCOPE] = store;
      scope.run(store, done);
    },
    preHandler(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
      const store = (request.raw as RawWithScope)[SCOPE];
      if (store) scope.run(store, done);
      else done();
    },
  };
}
