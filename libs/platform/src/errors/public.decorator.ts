import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  commandRouteAccess,
  commandRouteAccessName,
  routeAccess,
  type ReviewCommandType,
  type Role,
  type RouteAccessName,
} from '@enforcement/domain';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';
/** Name of the rule of libs/domain/src/access a route's roles came from. */
export const ACCESS_RULE_KEY = 'access:rule';

/** Anyone may call this route without a token (health, the public disclosure portal). An explicit choice. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Only callers holding one of these roles may call this route. Prefer `@Access(name)`: a bare role list is not
 * derived from the access module, and `test/access-rules.spec.ts` refuses it on a route.
 */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(ROLES_KEY, roles);

/** The route's rule is `routeAccess[name]` of the one access module (SPEC C1). */
export const Access = (name: RouteAccessName) =>
  applyDecorators(SetMetadata(ROLES_KEY, [...routeAccess[name].roles]), SetMetadata(ACCESS_RULE_KEY, name));

/** The route sends one review command: its roles are the command's person roles in `commandPermissions`. */
export const CommandAccess = (type: ReviewCommandType) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, [...commandRouteAccess(type).roles]),
    SetMetadata(ACCESS_RULE_KEY, commandRouteAccessName(type)),
  );
