/**
 * An async iterator fed by push: what a GraphQL subscription resolver returns. Only the newest value waits when the
 * consumer is slower than the feed (a subscriber wants the latest figures, not a backlog of old ones).
 */
export class Pushable<T> implements AsyncIterableIterator<T> {
  private pending: { value: T } | undefined;
  private failure: { error: unknown } | undefined;
  private done = false;
  private waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;

  constructor(private readonly onClose: () => void) {}

  push(value: T): void {
    if (this.done) return;
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = undefined;
      resolve({ value, done: false });
    } else {
      this.pending = { value };
    }
  }

  /** Ends the iteration with an error (the subscriber receives it as a GraphQL error). */
  fail(error: unknown): void {
    if (this.done) return;
    if (this.waiter) {
      const { reject } = this.waiter;
      this.finish();
      reject(error);
    } else {
      this.failure = { error };
    }
  }

  /** Ends the iteration normally. */
  end(): void {
    void this.return();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.pending) {
      const { value } = this.pending;
      this.pending = undefined;
      return Promise.resolve({ value, done: false });
    }
    if (this.failure) {
      const { error } = this.failure;
      this.finish();
      return Promise.reject(error);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    const waiter = this.waiter;
    this.finish();
    waiter?.resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.finish();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.waiter = undefined;
    this.pending = undefined;
    this.onClose();
  }
}
