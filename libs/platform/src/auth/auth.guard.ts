import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AccessDenied, type Actor, hasRole, type Role } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { TokenService } from './token-service';

interface AuthContext {
  req: { headers: Record<string, string | string[] | undefined> };
  actor?: Actor;
}

/** An access refusal as the GraphQL error the caller sees: its code, the field and the rule. */
export function accessDeniedError(error: AccessDenied): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code, field: error.field, rule: error.rule } });
}

/**
 * Every GraphQL operation needs a valid token holding at least one known role unless @Public() (a valid signature
 * alone is not enough: DOMAIN.md "Who may do what"); @Roles narrows who may call it.
 */
@Injectable()
export class GraphQLAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const gqlContext = GqlExecutionContext.create(context);
    const gql = gqlContext.getContext<AuthContext>();
    const field = gqlContext.getInfo<{ fieldName: string }>().fieldName;
    try {
      gql.actor ??= await this.authenticate(gql.req.headers.authorization);
      if (gql.actor.roles.length === 0) {
        throw new AccessDenied(
          'FORBIDDEN',
          `${field} needs a token holding one of the roles DISTRICT_OFFICIAL, MUNICIPAL_OFFICIAL, ANALYST, AUDITOR`,
          'ROLE_REQUIRED',
          field,
        );
      }
      const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
      if (roles && !hasRole(gql.actor, ...roles)) {
        throw new AccessDenied(
          'FORBIDDEN',
          `${field} needs one of the roles ${roles.join(', ')}`,
          'ROLE_REQUIRED',
          field,
        );
      }
      return true;
    } catch (error) {
      if (error instanceof AccessDenied) throw accessDeniedError(error);
      throw error;
    }
  }

  private authenticate(header: string | string[] | undefined): Promise<Actor> {
    if (header === undefined || header === '') {
      return Promise.reject(
        new AccessDenied('UNAUTHENTICATED', 'Send a token: Authorization: Bearer <JWT>', 'TOKEN_MISSING'),
      );
    }
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      return Promise.reject(
        new AccessDenied('UNAUTHENTICATED', 'The Authorization header must read: Bearer <JWT>', 'TOKEN_MALFORMED'),
      );
    }
    return this.tokens.verify(match[1]);
  }
}
