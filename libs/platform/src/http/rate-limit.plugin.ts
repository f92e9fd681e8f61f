// Per-actor rate limits of writes and imports (RATE_LIMIT_* in the configuration). A request over its budget is
// refused before anything runs: RATE_LIMITED, HTTP 429 with Retry-After. The actor is the verified token's subject
// (a forged token naming someone else cannot spend their budget); without a valid token, the client's address.
import type { RuleName } from '@cl/refusals';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import { GraphQLError, Kind } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Actor } from '../auth/actor';
import { TokenService } from '../auth/token-service';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../platform.module';

interface Context {
  req?: { headers: Record<string, string | string[] | undefined>; ip?: string };
  actor?: Actor;
}

/** The mutation that is an import: counted against its own, smaller budget. */
const IMPORT_FIELD = 'importCertifications';

interface Budget {
  readonly limiter: RateLimiterMemory;
  readonly perMinute: number;
  readonly rule: RuleName;
  readonly what: string;
}

function budget(perMinute: number, rule: RuleName, what: string): Budget | null {
  return perMinute > 0
    ? { limiter: new RateLimiterMemory({ points: perMinute, duration: 60 }), perMinute, rule, what }
    : null;
}

@Plugin()
export class RateLimitPlugin implements ApolloServerPlugin<Context> {
  private readonly writes: Budget | null;
  private readonly imports: Budget | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {
    this.writes = budget(config.rateLimits.writesPerMinute, 'WRITES_PER_MINUTE', 'writes');
    this.imports = budget(config.rateLimits.importsPerMinute, 'IMPORTS_PER_MINUTE', 'imports');
  }

  async requestDidStart(): Promise<GraphQLRequestListener<Context>> {
    return {
      didResolveOperation: async ({ operation, contextValue }) => {
        if (operation?.operation !== 'mutation' || (!this.writes && !this.imports)) return;
        const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
        const imports = fields.filter((f) => f === IMPORT_FIELD).length;
        const writes = fields.filter((f) => f !== IMPORT_FIELD && f !== '__typename').length;
        if (imports + writes === 0) return;
        const key = await this.keyOf(contextValue);
        if (this.imports && imports > 0) await this.spend(this.imports, key, imports, IMPORT_FIELD);
        if (this.writes && writes > 0) await this.spend(this.writes, key, writes, fields[0]!);
      },
    };
  }

  /** The verified subject (kept on the context for the auth guard), else the client's address. */
  private async keyOf(context: Context): Promise<string> {
    const header = context.req?.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    if (token && !context.actor) context.actor = await this.tokens.verify(token).catch(() => undefined);
    return context.actor ? `sub:${context.actor.sub}` : `ip:${context.req?.ip ?? 'unknown'}`;
  }

  private async spend(budget: Budget, key: string, points: number, field: string): Promise<void> {
    try {
      await budget.limiter.consume(key, points);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new GraphQLError(
        `Too many ${budget.what}: at most ${budget.perMinute} a minute per caller; try again in ${seconds} s`,
        {
          extensions: {
            code: 'RATE_LIMITED',
            field,
            rule: budget.rule,
            http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
          },
        },
      );
    }
  }
}
