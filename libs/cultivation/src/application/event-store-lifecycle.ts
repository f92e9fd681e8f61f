import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EventStore } from '@cl/event-store';
import { ProjectorService } from '../read-models';
import { EVENT_STORE } from './tokens';

/** Closes the event store at shutdown, after the projector that reads from it has stopped. */
@Injectable()
export class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly modules: ModuleRef,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    let projector: ProjectorService | undefined;
    try {
      projector = this.modules.get(ProjectorService, { strict: false });
    } catch {
      projector = undefined; // this process does not run the projector
    }
    await projector?.stop();
    await this.store.close();
  }
}
