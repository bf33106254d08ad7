import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import {
  headerComponents,
  problemResponseComponents,
  problemResponseRef,
  REQUEST_ID_HEADER,
} from './openapi-problems';
import { componentSchemas } from './openapi-schemas';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The OpenAPI 3.1 description, generated from the controllers' routes and decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Dailies API')
    .setDescription(
      'REST API of Dailies, a video review and collaboration service. JSON in camelCase, ISO-8601 UTC ' +
        'times, cursor-paginated lists (`?limit=&cursor=` → `{data, nextCursor}`), errors as ' +
        'application/problem+json (RFC 9457). Every answer carries `X-Request-Id`.',
    )
    .setVersion('2')
    .addServer('/', 'The server that serves this document')
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
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation) completeOperation(operation);
    }
  }
  // Named answers first: they name the Problem schema that componentSchemas() then emits.
  const responses = problemResponseComponents();
  return {
    ...document,
    openapi: '3.1.0',
    info: { ...document.info, license: { name: 'Proprietary' } },
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...componentSchemas() },
      responses,
      headers: headerComponents,
    },
  };
}

/**
 * What the HTTP layer adds to every route, so controllers need not repeat it: a JSON body can be
 * refused as too large (413) or not JSON (415) or malformed (400); any route can meet a busy
 * database (503); every answer carries the request id. Routes without a security requirement are
 * public (@Public()) and say so with an empty one.
 */
function completeOperation(operation: Operation): void {
  const responses = operation.responses;
  const added = operation.requestBody ? [400, 413, 415, 503] : [503];
  for (const status of added) responses[status] ??= problemResponseRef(status);
  for (const [status, response] of Object.entries(responses)) {
    if (!response) continue;
    // A reference stands alone (Nest adds an empty description next to it).
    if ('$ref' in response) {
      responses[status] = { $ref: response.$ref };
      continue;
    }
    response.headers = {
      ...response.headers,
      [REQUEST_ID_HEADER]: { $ref: `#/components/headers/${REQUEST_ID_HEADER}` },
    };
  }
  operation.security ??= [];
}

export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('v2/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'v2/openapi.json',
    yamlDocumentUrl: 'v2/openapi.yaml',
    customSiteTitle: 'Dailies API',
    swaggerOptions: { persistAuthorization: true },
  });
}
