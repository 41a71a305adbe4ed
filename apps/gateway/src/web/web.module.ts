import { Module, type DynamicModule } from '@nestjs/common';
import { DEMO_SIGN_IN, DemoSignInController } from './demo-sign-in.controller';
import { demoSignInEnabled } from './web-app.config';

/**
 * The web application's server side: the demo sign-in routes, only where `demoSignInEnabled` (local and test
 * stacks). The SPA's files themselves are served by `serveWebApp` (main.ts), outside Nest's router.
 */
@Module({})
export class WebModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    if (!demoSignInEnabled(env)) return { module: WebModule, controllers: [] };
    return {
      module: WebModule,
      controllers: [DemoSignInController],
      providers: [{ provide: DEMO_SIGN_IN, useValue: { privateKeyFile: env.JWT_PRIVATE_KEY_FILE } }],
    };
  }
}
