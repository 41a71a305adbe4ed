import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, type INestApplication } from '@nestjs/common';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';
import { webConfig, webDistDir } from './web-app.config';

/** Paths the SPA never answers: the API, its documentation and the health check keep their own 404s. */
const SERVER_PATHS = /^\/(api|docs|docs-json|health)(\/|$)/;
/** Pages rendered by the server (web-portal-item.ssr.ts): they get the security headers, then Nest answers. */
const SERVER_RENDERED = /^\/portal\/items\/[^/]+$/;

/**
 * The SPA's own files and nothing else: scripts, styles, fonts and requests only from this origin — and the agency's
 * OpenID Connect provider, whose discovery and token endpoints the app calls during sign-in (code + PKCE); no inline
 * script; PDFs shown inline from blob: URLs the app creates; never framed by another site.
 */
export function webContentSecurityPolicy(env: NodeJS.ProcessEnv = process.env): string {
  const provider = webConfig(env).oidc ? ` ${new URL(webConfig(env).oidc!.issuer).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${provider}`,
    "frame-src 'self' blob:",
    "object-src 'self' blob:",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function securityHeaders(res: Response, policy: string): void {
  res.setHeader('Content-Security-Policy', policy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/**
 * Serves the built web application (apps/web → dist/web) beside the API: `/` is the staff workbench, `/portal` the
 * public portal; any other non-API GET that asks for HTML gets index.html, so the SPA's own routes survive a reload.
 * Runs before Nest's router (registered in main.ts), and only for paths outside /api, /docs and /health.
 */
export function serveWebApp(app: INestApplication, env: NodeJS.ProcessEnv = process.env): void {
  const dir = webDistDir(env);
  const index = join(dir, 'index.html');
  const logger = new Logger('WebApp');
  if (!existsSync(index)) logger.warn(`web application not built (${index} missing): run npm run build:web`);
  const files = serveStatic(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      // Vite names built assets by content hash, so they never change; index.html must always be fresh.
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const config = webConfig(env);
  const policy = webContentSecurityPolicy(env);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (SERVER_PATHS.test(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    securityHeaders(res, policy);
    if (SERVER_RENDERED.test(req.path)) return next();
    if (req.path === '/web-config.json') {
      res.setHeader('Cache-Control', 'no-cache');
      res.json(config);
      return;
    }
    files(req, res, () => {
      // A missing file (an old asset name, a typo) stays a 404; only page paths fall back to the app.
      if (
        /\.(js|mjs|css|map|png|jpe?g|svg|ico|woff2?|ttf|json|txt)$/i.test(req.path) ||
        !req.accepts('html') ||
        !existsSync(index)
      )
        return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
}
