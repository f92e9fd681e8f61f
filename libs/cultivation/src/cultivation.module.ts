import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@cl/event-store';
import { CodedErrorFilter, inputValidationPipe } from '@cl/platform';
import { Clock, SystemClock } from './application/clock';
import {
  CommandExecutor,
  ExecuteEnterpriseCommandHandler,
  LapseSchedule,
  LapseSweep,
  SetTargetHandler,
} from './application/commands';
import { ScheduleModule } from '@nestjs/schedule';
import { EVENT_STORE, LIVE_FEED_LIMITS } from './application/tokens';
import { LiveQueries, type LiveFeedLimits } from './application/queries';
import { LiveResolver } from './graphql/live.resolver';
import { EnterpriseMutationsResolver } from './graphql/enterprise-mutations.resolver';
import { ReferenceResolver } from './graphql/reference.resolver';
import { AuditQueries } from './application/audit/audit-queries';
import { EventStoreLifecycle } from './application/event-store-lifecycle';
import { LedgerMonitoring } from './application/operations/ledger-monitoring';
import { CertificationImporter } from './application/import';
import { ImportResolver } from './graphql/import.resolver';
import { AuditResolver } from './graphql/audit.resolver';
import { ConsistencyPlugin } from './graphql/consistency.plugin';
import { EnterpriseQueriesResolver } from './graphql/enterprise-queries.resolver';
import { ProgressResolver } from './graphql/progress.resolver';
import { SystemMutationsResolver } from './graphql/system-mutations.resolver';
import { TargetsResolver } from './graphql/targets.resolver';
import { ReportsResolver } from './graphql/reports.resolver';
import { ReportService } from './application/reports/report-service';
import { readSideProviders, type LiveCheckpointConfig } from './read-side.providers';
import type { ProjectorOptions } from './read-models';

export interface CultivationModuleOptions {
  /** The event store the write side appends to and the projector reads from. */
  eventStore: () => EventStore | Promise<EventStore>;
  clock?: Clock;
  /** Run the projector in this process (the embedded default) with these options. */
  projector?: ProjectorOptions | false;
  /** The queries' view of the live checkpoint (LIVE_CHECKPOINT_MAX_AGE_MS); without it every answer reads it. */
  liveCheckpoint?: LiveCheckpointConfig;
  /** Bounds of the GraphQL subscriptions (SUBSCRIPTIONS_MAX). */
  liveSubscriptions?: LiveFeedLimits;
}

/** The cultivation bounded context: commands, queries, GraphQL. */
@Module({})
export class CultivationModule {
  static forRoot(options: CultivationModuleOptions): DynamicModule {
    return {
      module: CultivationModule,
      imports: [CqrsModule.forRoot(), ScheduleModule.forRoot()],
      providers: [
        { provide: EVENT_STORE, useFactory: options.eventStore },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: APP_FILTER, useClass: CodedErrorFilter },
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        EventStoreLifecycle,
        LedgerMonitoring,
        CommandExecutor,
        ExecuteEnterpriseCommandHandler,
        SetTargetHandler,
        EnterpriseMutationsResolver,
        ReferenceResolver,
        AuditQueries,
        AuditResolver,
        LapseSweep,
        LapseSchedule,
        SystemMutationsResolver,
        ...readSideProviders({
          runProjector: options.projector !== false && options.projector !== undefined,
          projector: options.projector || {},
          liveCheckpoint: options.liveCheckpoint,
        }),
        ProgressResolver,
        EnterpriseQueriesResolver,
        { provide: LIVE_FEED_LIMITS, useValue: options.liveSubscriptions ?? {} },
        LiveQueries,
        LiveResolver,
        TargetsResolver,
        ConsistencyPlugin,
        CertificationImporter,
        ImportResolver,
        ReportService,
        ReportsResolver,
      ],
      exports: [EVENT_STORE, Clock],
    };
  }
}
