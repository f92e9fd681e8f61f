import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from './actor';

export const ROLES_KEY = 'cl:roles';
export const PUBLIC_KEY = 'cl:public';

/** Only these roles may call the operation. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Anyone may call it, without a token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The verified caller of this GraphQL operation. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<{ actor?: unknown }>().actor;
});
