import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@enforcement/domain';
import { Access, CurrentActor, NotPersonalData } from '@enforcement/platform';

/**
 * 当前用户 — the person the bearer token names, as every service reads it (C1). After the identity provider's sign-in
 * the workbench shows and offers only what these roles may do; the claims' mapping stays on the server (OIDC_*).
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1/session')
export class SessionController {
  @Get()
  @NotPersonalData('the caller’s own identity, from their token')
  @Access('session.read')
  @ApiOperation({ summary: 'Who the token names: id, name, roles and unit, as the server reads it' })
  whoami(@CurrentActor() actor: Actor): Actor {
    return { id: actor.id, name: actor.name, roles: actor.roles, unitId: actor.unitId };
  }
}
