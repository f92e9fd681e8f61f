import type { Logger } from 'pino';
import type { ProjectorOptions } from './projector.service';

/** What a projector tells the log: each failure it retries (warn), and a stall on one event (error, once). */
export function projectorLogging(logger: Logger): Pick<ProjectorOptions, 'onError' | 'onStall'> {
  return {
    onError: (error: unknown) => logger.warn({ err: error }, 'projector error; it retries with backoff'),
    onStall: (stall) =>
      logger.error(
        {
          stalledAt: stall.position,
          eventType: stall.type,
          eventId: stall.eventId,
          stream: stall.streamId,
          error: stall.error,
        },
        `projector stalled at position ${stall.position}: ${stall.type} cannot be applied (${stall.error}); fix the code, then restart or rebuild`,
      ),
  };
}
