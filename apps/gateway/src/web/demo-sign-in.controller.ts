import { readFileSync } from 'node:fs';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { Actor } from '@enforcement/domain';
import { AppError, issueToken, NotPersonalData, Public } from '@enforcement/platform';
import { demoUsers } from './web-app.config';

/** The local issuer's signing key, as the stack wrote it (JWT_PRIVATE_KEY_FILE); set only with demo sign-in on. */
export const DEMO_SIGN_IN = Symbol('DEMO_SIGN_IN');
export interface DemoSignInSettings {
  privateKeyFile: string;
}

class DemoTokenRequestDto {
  @ApiProperty({ description: 'id of a demo user (infra/local/demo-users.json)', example: 'u-legal-reviewer' })
  @IsString()
  @Length(1, 64)
  userId!: string;
}

/**
 * Local sign-in for the web application: lists the demo users and issues a short-lived token for one of them, signed
 * with the local issuer's key. Registered only when `demoSignInEnabled` (never in production); an agency signs in
 * through its own OpenID Connect provider instead.
 */
@ApiTags('dev')
@Controller('api/v1/dev')
export class DemoSignInController {
  constructor(
    @Inject(DEMO_SIGN_IN) private readonly settings: DemoSignInSettings,
    private readonly config: ConfigService,
  ) {}

  @Get('demo-users')
  @NotPersonalData('the local stack’s demo staff accounts')
  @Public()
  @ApiOperation({ summary: '演示用户 — the demo users by role (local stack only; absent in production)' })
  users(): Actor[] {
    return demoUsers();
  }

  @Post('demo-tokens')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '演示登录 — a 12-hour token of one demo user (local stack only; absent in production)' })
  async token(@Body() dto: DemoTokenRequestDto): Promise<{ token: string; actor: Actor }> {
    const actor = demoUsers().find((u) => u.id === dto.userId);
    if (actor === undefined) {
      throw new AppError(
        'AUTH.DEMO_USER_UNKNOWN',
        HttpStatus.NOT_FOUND,
        { zh: `没有演示用户 ${dto.userId}`, en: `There is no demo user ${dto.userId}` },
        [{ field: 'userId', problems: ['unknown demo user'] }],
      );
    }
    const key = readFileSync(this.settings.privateKeyFile, 'utf8');
    const token = await issueToken(key, actor, this.config.getOrThrow<string>('JWT_ISSUER'), '12h');
    return { token, actor };
  }
}
