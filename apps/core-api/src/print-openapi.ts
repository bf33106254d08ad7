import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApiV2Module } from '@dailies/api-v2';
import { buildOpenApiDocument, createHttpApp, TransportErrorRoutes } from '@dailies/http';

// `npm run openapi [-- <file> | -]`: the OpenAPI document of REST /v2 as the core API serves it
// at /v2/openapi.json, written to dist/openapi.json (or the given file; `-` for stdout). Only the
// routes are needed, so no database is started and nothing listens.

/** What the /v2 module registers its error shape with (HttpModule's, without its health checks). */
@Global()
@Module({ providers: [TransportErrorRoutes], exports: [TransportErrorRoutes] })
class ErrorRoutes {}

@Module({ imports: [CqrsModule.forRoot(), ErrorRoutes, ApiV2Module] })
class DocumentedRoutes {}

async function main(target = 'dist/openapi.json'): Promise<void> {
  const app = await createHttpApp(DocumentedRoutes, { logLevel: 'silent', openApiDocs: false });
  const json = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  if (target === '-') {
    process.stdout.write(json);
    return;
  }
  const file = resolve(target);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, json);
  process.stderr.write(`OpenAPI document written to ${file}\n`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
