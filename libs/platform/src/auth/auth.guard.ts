import { HttpStatus, Injectable, type CanActivate, type ExecutionContext, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import type { Request } from 'express';
import type { Actor, Role } from '@enforcement/domain';
import { AppError } from '../errors/app-error';
import { PUBLIC_KEY, ROLES_KEY } from '../errors/public.decorator';
import { decodeJwt } from 'jose';
import { IdentityProviderUnavailableError, OidcTokenVerifier, oidcSettings } from './oidc';
import { importVerificationKey, InvalidTokenError, verifyToken } from './tokens';

export type AuthenticatedRequest = Request & { actor?: Actor };

/**
 * Global guard: a route is reachable only if it declares a rule — `@Public()` or `@Roles(...)`. A route without one
 * is refused (deny by default), so forgetting a rule can never open an endpoint.
 */
@Injectable()
export class AuthGuard implements CanActivate, OnModuleInit {
  private key?: Awaited<ReturnType<typeof importVerificationKey>>;
  private issuer = '';
  /** The agency's OpenID Connect provider, when configured (OIDC_ISSUER): its tokens are accepted too. */
  private oidc: OidcTokenVerifier | null = null;

  constructor(
    private readonly reflector: Reflector,
    private readonly config: ConfigService,
  ) {}

  async onModuleInit(): Promise<void> {
    const pem =
      this.config.get<string>('JWT_PUBLIC_KEY') ??
      readFileSync(this.config.getOrThrow<string>('JWT_PUBLIC_KEY_FILE'), 'utf8');
    this.key = await importVerificationKey(pem);
    this.issuer = this.config.getOrThrow<string>('JWT_ISSUER');
    const oidc = oidcSettings({
      OIDC_ISSUER: this.config.get<string>('OIDC_ISSUER'),
      OIDC_AUDIENCE: this.config.get<string>('OIDC_AUDIENCE'),
      OIDC_JWKS_URI: this.config.get<string>('OIDC_JWKS_URI'),
      OIDC_ROLES_CLAIM: this.config.get<string>('OIDC_ROLES_CLAIM'),
      OIDC_UNIT_CLAIM: this.config.get<string>('OIDC_UNIT_CLAIM'),
      OIDC_NAME_CLAIM: this.config.get<string>('OIDC_NAME_CLAIM'),
      OIDC_ROLE_MAP: this.config.get<string>('OIDC_ROLE_MAP'),
    });
    this.oidc = oidc ? new OidcTokenVerifier(oidc) : null;
  }

  /** By its (unverified) issuer the token goes to the provider's keys or to the local issuer's; both then verify it. */
  private fromProvider(token: string): boolean {
    if (!this.oidc) return false;
    try {
      return decodeJwt(token).iss === this.oidc.settings.issuer;
    } catch {
      return false;
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!required) {
      throw new AppError('AUTH.NO_ROLE_RULE', HttpStatus.FORBIDDEN, {
        zh: '该接口未声明访问角色，已拒绝访问',
        en: 'This endpoint declares no role rule, so it is closed',
      });
    }
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
    if (!match) {
      throw new AppError('AUTH.UNAUTHENTICATED', HttpStatus.UNAUTHORIZED, {
        zh: '缺少登录凭证：请在 Authorization 头中提供 Bearer 令牌',
        en: 'Missing credentials: send an Authorization: Bearer <token> header',
      });
    }
    try {
      req.actor = this.fromProvider(match[1])
        ? await this.oidc!.verify(match[1])
        : await verifyToken(match[1], this.key!, this.issuer);
    } catch (err) {
      // The provider down is no reason to sign the person out: 503, which the error filter gives a Retry-After.
      if (err instanceof IdentityProviderUnavailableError) {
        const unavailable = new AppError('AUTH.PROVIDER_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, err.reason);
        // The log line of the 503 then names what failed (refused, timed out, not a key set).
        throw Object.assign(unavailable, { cause: err });
      }
      if (!(err instanceof InvalidTokenError)) throw err;
      throw new AppError('AUTH.INVALID_TOKEN', HttpStatus.UNAUTHORIZED, err.reason);
    }
    if (!req.actor.roles.some((r) => required.includes(r))) {
      throw new AppError(
        'AUTH.ROLE_NOT_ALLOWED',
        HttpStatus.FORBIDDEN,
        {
          zh: `您的角色无权执行此操作，需要以下角色之一：${required.join('、')}`,
          en: `Your role may not do this; one of these roles is required: ${required.join(', ')}`,
        },
        { required },
      );
    }
    return true;
  }
}
