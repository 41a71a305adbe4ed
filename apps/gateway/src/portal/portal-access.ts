import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { PublicRouteName } from '@enforcement/domain';
import { ACCESS_RULE_KEY, Public } from '@enforcement/platform';

/** Open without a token, under a public rule the access module names (`publicRouteAccess`, SPEC C1, D11). */
export const PublicAccess = (name: PublicRouteName) => applyDecorators(Public(), SetMetadata(ACCESS_RULE_KEY, name));
