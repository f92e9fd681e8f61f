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

/** Every GraphQL operation needs a valid token unless @Public(); @Roles narrows who may call it. */
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
    const gql = GqlExecutionContext.create(context).getContext<AuthContext>();
    try {
      gql.actor ??= await this.authenticate(gql.req.headers.authorization);
      const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
      if (roles && !hasRole(gql.actor, ...roles)) {
        throw new AccessDenied('FORBIDDEN', `This operation needs one of the roles ${roles.join(', ')}`);
      }
      return true;
    } catch (error) {
      if (error instanceof AccessDenied) throw new GraphQLError(error.message, { extensions: { code: error.code } });
      throw error;
    }
  }

  private authenticate(header: string | string[] | undefined): Promise<Actor> {
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      return Promise.reject(new AccessDenied('UNAUTHENTICATED', 'Send a token: Authorization: Bearer <JWT>'));
    }
    return this.tokens.verify(match[1]);
  }
}
