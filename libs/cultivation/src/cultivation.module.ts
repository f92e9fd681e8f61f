import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@cl/event-store';
import { CodedErrorFilter, inputValidationPipe } from '@cl/platform';
import { Clock, SystemClock } from './application/clock';
import { CommandExecutor, ExecuteEnterpriseCommandHandler, SetTargetHandler } from './application/commands';
import { EVENT_STORE } from './application/tokens';
import { EnterpriseMutationsResolver } from './graphql/enterprise-mutations.resolver';
import { ReferenceResolver } from './graphql/reference.resolver';
import { AuditQueries } from './application/audit/audit-queries';
import { AuditResolver } from './graphql/audit.resolver';

export interface CultivationModuleOptions {
  /** The event store the write side appends to and the projector reads from. */
  eventStore: () => EventStore | Promise<EventStore>;
  clock?: Clock;
}

/** The cultivation bounded context: commands, queries, GraphQL. */
@Module({})
export class CultivationModule {
  static forRoot(options: CultivationModuleOptions): DynamicModule {
    return {
      module: CultivationModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: EVENT_STORE, useFactory: options.eventStore },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: APP_FILTER, useClass: CodedErrorFilter },
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        CommandExecutor,
        ExecuteEnterpriseCommandHandler,
        SetTargetHandler,
        EnterpriseMutationsResolver,
        ReferenceResolver,
        AuditQueries,
        AuditResolver,
      ],
      exports: [EVENT_STORE, Clock],
    };
  }
}
