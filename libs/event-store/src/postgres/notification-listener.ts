import { Client, type ClientConfig } from 'pg';

/**
 * Holds one LISTEN connection and calls `onNotify` for each notification. When the connection drops it calls
 * `onNotify` too (something may have been missed; subscribers re-read) and reconnects after `retryMs`;
 * the subscribers' polling covers the gap.
 */
export class NotificationListener {
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly onError: (error: unknown) => void,
    private readonly retryMs = 500,
  ) {}

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
      if (error) this.onError(error);
      void client.end().catch(() => undefined);
      this.onNotify();
      if (!this.stopped) this.retry = setTimeout(() => void this.connect(), this.retryMs);
    };
    client.on('notification', () => this.onNotify());
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
      if (this.stopped) await client.end();
      else this.onNotify(); // events committed while we were connecting had nobody to notify
    } catch (error) {
      lost(error);
    }
  }
}
