import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@enforcement/domain';
import type { AuthenticatedRequest } from './auth.guard';

/** The authenticated caller of a `@Roles(...)` route. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without @Roles');
  return actor;
});
