import { demoSignInEnabled, webConfig } from './web-app.config';
import { webContentSecurityPolicy } from './web-app.serve';
import { DemoSignInController } from './demo-sign-in.controller';
import { WebModule } from './web.module';
import { PortalItemPageController } from './web-portal-item.ssr';
import { SessionController } from './session.controller';

const local = { NODE_ENV: 'development', DEMO_SIGN_IN: 'true', JWT_PRIVATE_KEY_FILE: '/stack/jwt/private.pem' };

describe('web application sign-in configuration', () => {
  it('C1: demo sign-in is on only on a development or test stack that asks for it and has the local key', () => {
    expect(demoSignInEnabled(local)).toBe(true);
    expect(demoSignInEnabled({ ...local, NODE_ENV: 'test' })).toBe(true);
    expect(demoSignInEnabled({ ...local, NODE_ENV: 'production' })).toBe(false);
    expect(demoSignInEnabled({ ...local, NODE_ENV: undefined })).toBe(false);
    expect(demoSignInEnabled({ ...local, DEMO_SIGN_IN: undefined })).toBe(false);
    expect(demoSignInEnabled({ ...local, DEMO_SIGN_IN: '1' })).toBe(false);
    expect(demoSignInEnabled({ ...local, JWT_PRIVATE_KEY_FILE: '' })).toBe(false);
  });

  it('C1: in production the demo token routes are not registered at all; the portal item page always is (D11)', () => {
    expect(WebModule.forRoot({ ...local, NODE_ENV: 'production' }).controllers).toEqual([
      PortalItemPageController,
      SessionController,
    ]);
    expect(WebModule.forRoot(local).controllers).toEqual([
      PortalItemPageController,
      SessionController,
      DemoSignInController,
    ]);
  });

  it('tells the app to use the agency’s OpenID Connect provider when one is configured, and never demo sign-in in production', () => {
    const oidc = { OIDC_ISSUER: 'https://idp.example.gov.cn/realms/agency', OIDC_CLIENT_ID: 'enforcement-web' };
    expect(webConfig({ ...local, NODE_ENV: 'production', ...oidc })).toEqual({
      signIn: 'oidc',
      oidc: { issuer: oidc.OIDC_ISSUER, clientId: oidc.OIDC_CLIENT_ID, scope: 'openid profile' },
    });
    expect(webConfig({ ...local, NODE_ENV: 'production' })).toEqual({ signIn: 'none', oidc: null });
    expect(webConfig(local)).toEqual({ signIn: 'demo', oidc: null });
    // A local stack with a provider configured offers both (the provider's button beside the demo users).
    expect(webConfig({ ...local, ...oidc })).toEqual({
      signIn: 'demo',
      oidc: { issuer: oidc.OIDC_ISSUER, clientId: oidc.OIDC_CLIENT_ID, scope: 'openid profile' },
    });
    expect(webContentSecurityPolicy({ ...local, ...oidc })).toContain("connect-src 'self' https://idp.example.gov.cn;");
    expect(webContentSecurityPolicy(local)).toContain("connect-src 'self';");
  });
});
