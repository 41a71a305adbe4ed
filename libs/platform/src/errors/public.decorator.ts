import { SetMetadata } from '@nestjs/common';
import type { Role } from '@enforcement/domain';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';

/** Anyone may call this route without a token (health, the public disclosure portal). An explicit choice. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only callers holding one of these roles may call this route. */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(ROLES_KEY, roles);
