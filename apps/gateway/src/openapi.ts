import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI document of the gateway, served as Swagger UI at /docs and JSON at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('行政执法"三项制度" — Enforcement gateway API')
    .setDescription(
      'Disclosure, full-process recording and legal review of major decisions. Every error has the same body: ' +
        '`{ statusCode, code, message: { zh, en }, requestId, details? }`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
