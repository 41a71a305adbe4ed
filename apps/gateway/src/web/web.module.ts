import { Module, type DynamicModule } from '@nestjs/common';
import { DisclosureReadApi } from '../portal/disclosure-read.api';
import { PortalRateLimitGuard } from '../portal/portal-rate-limit.guard';
import { DEMO_SIGN_IN, DemoSignInController } from './demo-sign-in.controller';
import { demoSignInEnabled } from './web-app.config';
import { PortalItemPageController } from './web-portal-item.ssr';
import { SessionController } from './session.controller';

/**
 * The web application's server side: the portal's server-rendered item pages and the signed-in person's session
 * everywhere, and the demo sign-in routes
 * only where `demoSignInEnabled` (local and test stacks). The SPA's files themselves are served by `serveWebApp`
 * (main.ts), outside Nest's router.
 */
@Module({})
export class WebModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const ssr = {
      controllers: [PortalItemPageController, SessionController],
      providers: [DisclosureReadApi, PortalRateLimitGuard],
    };
    if (!demoSignInEnabled(env)) return { module: WebModule, ...ssr };
    return {
      module: WebModule,
      controllers: [...ssr.controllers, DemoSignInController],
      providers: [...ssr.providers, { provide: DEMO_SIGN_IN, useValue: { privateKeyFile: env.JWT_PRIVATE_KEY_FILE } }],
    };
  }
}
