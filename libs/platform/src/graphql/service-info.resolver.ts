import { Inject } from '@nestjs/common';
import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG } from '../platform.module';
import { Public } from '../auth/auth.decorators';
import type { AppConfig } from '../config';

@ObjectType({ description: 'What this server is and how it runs.' })
export class ServiceInfo {
  @Field() name: string;
  @Field() version: string;
  @Field({ description: 'postgres or eventstoredb' }) eventStore: string;
  @Field(() => Date) startedAt: Date;
}

const startedAt = new Date();

@Resolver(() => ServiceInfo)
export class ServiceInfoResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Query(() => ServiceInfo, { description: 'The service name, version and event store in use.' })
  serviceInfo(): ServiceInfo {
    return {
      name: 'cultivation-ledger',
      version: process.env.npm_package_version ?? '0.1.0',
      eventStore: this.config.eventStore,
      startedAt,
    };
  }
}
