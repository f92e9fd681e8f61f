import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../platform.module';
import { GraphQLAuthGuard } from './auth.guard';
import { resolveJwtSecret } from './jwt-secret';
import { TokenService } from './token-service';
import { RateLimitPlugin } from '../http/rate-limit.plugin';

/** Bearer-token authentication for every GraphQL operation. */
@Global()
@Module({
  providers: [
    {
      provide: TokenService,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new TokenService({
          secret: resolveJwtSecret(config).secret,
          jwksUrl: config.jwtJwksUrl,
          issuer: config.jwtIssuer,
          audience: config.jwtAudience,
        }),
    },
    { provide: APP_GUARD, useClass: GraphQLAuthGuard },
    RateLimitPlugin,
  ],
  exports: [TokenService],
})
export class AuthModule {}
