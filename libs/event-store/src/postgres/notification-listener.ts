import { Client, type ClientConfig } from 'pg';

/** What a NotificationListener tells its owner. */
export interface ListenerHandlers {
  /** A notification on the channel, with its payload (delivered in commit order). */
  notification(payload: string): void;
  /** LISTEN is in place: everything committed from now on is delivered (what came before was not). */
  listening(): void;
  /** The connection dropped (with the error, if any): notifications may be missed until `listening` again. */
  lost(error?: unknown): void;
}

/**
 * Holds one LISTEN connection (a pg client of its own) on `channel`. When the connection drops it tells `lost` and
 * reconnects after `retryMs`, doubling the wait after each failed attempt up to `maxRetryMs`.
 */
export class NotificationListener {
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private wait: number;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly handlers: ListenerHandlers,
    private readonly retryMs = 500,
    private readonly maxRetryMs = 10_000,
  ) {
    this.wait = retryMs;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.client) return;
    const client = new Client(this.config);
    this.client = client;
    const lost = (error?: unknown): void => {
      if (this.client !== client) return;
      this.client = undefined;
      void client.end().catch(() => undefined);
      this.handlers.lost(error);
      if (this.stopped) return;
      this.retry = setTimeout(() => void this.connect(), this.wait);
      this.wait = Math.min(this.wait * 2, Math.max(this.maxRetryMs, this.retryMs));
    };
    client.on('notification', (message) => this.handlers.notification(message.payload ?? ''));
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.wait = this.retryMs;
      this.handlers.listening();
    } catch (error) {
      lost(error);
    }
  }
}
