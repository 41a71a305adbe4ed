import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor, ReviewActor, Role } from '@enforcement/domain';
import type { AuthenticatedRequest, RepeatableRequest } from '@enforcement/platform';

/** Who calls a review route: the token's actor and the request id that follows the call into the workflow. */
export interface ReviewCaller {
  readonly actor: Actor;
  readonly requestId: string;
  /** The caller's `authorization` header, forwarded to review-svc's read API so its own guard applies. */
  readonly authorization: string;
  /**
   * The call's once-only key (request id + caller + route + body, see `@Repeatable`), or null when the client sent no
   * request id. Every effect of a repeatable call is keyed by it, so a retry never acts twice.
   */
  readonly requestKey: string | null;
}

/** The caller of a `@Roles(...)` review route. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): ReviewCaller => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest & RepeatableRequest & { id?: string }>();
  if (!req.actor) throw new Error('Caller used on a route without @Roles');
  return {
    actor: req.actor,
    requestId: req.id ?? '',
    authorization: req.headers.authorization ?? '',
    requestKey: req.requestKey ?? null,
  };
});

/**
 * The one role the person acts in for a command: the first of the route's roles the token holds. A token may carry
 * several roles; each step of the review record names exactly one responsibility.
 */
export function actingAs(actor: Actor, allowed: readonly Role[]): ReviewActor {
  const role = allowed.find((candidate) => actor.roles.includes(candidate));
  // The role guard admitted the caller with one of these roles, so this is a wiring bug, never a user error.
  if (!role) throw new Error(`actor ${actor.id} holds none of ${allowed.join(', ')}`);
  return { id: actor.id, role, unitId: actor.unitId };
}
