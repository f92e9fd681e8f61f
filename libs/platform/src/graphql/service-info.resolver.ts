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
  @Field(() => String, { nullable: true, description: "The console's OpenID Connect provider (OIDC_ISSUER), if any." })
  oidcIssuer: string | null;
  @Field(() => String, { nullable: true, description: 'The public client id the console signs in with.' })
  oidcClientId: string | null;
  @Field(() => String, { nullable: true, description: 'Scopes the console asks for.' })
  oidcScope: string | null;
  @Field(() => String, { nullable: true, description: 'Resource indicator the console asks its access token for.' })
  oidcResource: string | null;
}

const startedAt = new Date();

@Resolver(() => ServiceInfo)
export class ServiceInfoResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Query(() => ServiceInfo, {
    description: 'The service name, version and event store in use, and how the console signs in.',
  })
  serviceInfo(): ServiceInfo {
    return {
      name: 'cultivation-ledger',
      version: process.env.npm_package_version ?? '0.1.0',
      eventStore: this.config.eventStore,
      startedAt,
      oidcIssuer: this.config.oidc?.issuer ?? null,
      oidcClientId: this.config.oidc?.clientId ?? null,
      oidcScope: this.config.oidc?.scope ?? null,
      oidcResource: this.config.oidc?.resource ?? null,
    };
  }
}
