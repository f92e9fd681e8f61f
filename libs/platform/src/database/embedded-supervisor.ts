// The embedded default supervises the PostgreSQL it started: when the server dies (kill -9 of the postmaster, a
// crash), it is started again with the usual crash recovery (stale postmaster.pid, orphans) on the same port, so
// the pools simply reconnect. After a bounded number of failed restarts the owner is told to give up (the API
// exits non-zero, so that its own supervisor takes over). A process sharing another's server never supervises it.
import { type EmbeddedPostgresHandle, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded-postgres';

export interface SupervisionOptions {
  /** Restart attempts before giving up (default 5); waits 0.5 s, 1 s, 2 s, … between them. */
  maxRestarts?: number;
  /** One line per event (died, restarted, an attempt failed). */
  warn: (line: string) => void;
  /** After the last failed attempt, with one line saying so; the owner should exit non-zero. */
  giveUp: (line: string) => void;
}

const FIRST_DELAY_MS = 500;

/** Starts (or shares) the embedded server; an owned one is restarted whenever it dies. */
export async function startSupervisedPostgres(
  options: EmbeddedPostgresOptions,
  supervision: SupervisionOptions,
): Promise<EmbeddedPostgresHandle> {
  let current = await startEmbeddedPostgres(options);
  if (!current.owned) return current;
  const maxRestarts = supervision.maxRestarts ?? 5;
  let stopped = false;

  const restart = async (reason: string): Promise<void> => {
    supervision.warn(`embedded PostgreSQL on port ${current.port} died (${reason}); restarting it`);
    let lastError = '';
    for (let attempt = 1; attempt <= maxRestarts && !stopped; attempt++) {
      await new Promise((r) => setTimeout(r, FIRST_DELAY_MS * 2 ** (attempt - 1)));
      if (stopped) return;
      try {
        current = await startEmbeddedPostgres(options);
        if (stopped) return void (await current.stop());
        current.onExit((again) => void restart(again));
        supervision.warn(`embedded PostgreSQL restarted on port ${current.port} (attempt ${attempt})`);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        supervision.warn(`embedded PostgreSQL restart attempt ${attempt} of ${maxRestarts} failed: ${lastError}`);
      }
    }
    if (!stopped) {
      supervision.giveUp(
        `embedded PostgreSQL in ${options.dataDir} died and ${maxRestarts} restarts failed (${lastError}); exiting so that a supervisor restarts the service`,
      );
    }
  };
  current.onExit((reason) => void restart(reason));

  return {
    get url() {
      return current.url;
    },
    get port() {
      return current.port;
    },
    get dataDir() {
      return current.dataDir;
    },
    owned: true,
    onExit: () => undefined, // the supervisor handles exits
    stop: async () => {
      stopped = true;
      await current.stop();
    },
  };
}
