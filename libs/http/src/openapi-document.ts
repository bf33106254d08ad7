import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI 3.1 description, generated from the controllers' routes and decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Dailies API')
    .setDescription(
      'REST API of Dailies, a video review and collaboration service. JSON in camelCase, ISO-8601 UTC ' +
        'times, cursor-paginated lists (`?limit=&cursor=` → `{data, nextCursor}`), errors as ' +
        'application/problem+json (RFC 9457).',
    )
    .setVersion('2')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'Access token (JWT) or personal API token',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return { ...document, openapi: '3.1.0' };
}

export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('v2/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'v2/openapi.json',
    yamlDocumentUrl: 'v2/openapi.yaml',
    customSiteTitle: 'Dailies API',
    swaggerOptions: { persistAuthorization: true },
  });
}
