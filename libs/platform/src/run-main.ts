import { Type } from '@nestjs/common';
import { ConfigError } from '@dailies/config';
import { DataFolderInUseError } from '@dailies/db';
import { registeredRoutes, resolveLogFormat } from '@dailies/http';
import { DEMO_LOGIN } from './demo-seed';
import { reportProcessErrors } from './report-process-errors';
import { RunningPlatform, startPlatform } from './start-platform';
import { stopOnSignals } from './stop-on-signals';

/**
 * The `main` of an app process: start, print where it is, and stop cleanly on SIGINT/SIGTERM.
 * `app` tags the process' metrics (core-api, munger, support-tool, platform).
 */
export async function runMain(
  name: string,
  features: Type<unknown>[],
  app = 'platform',
): Promise<void> {
  const started = Date.now();
  let platform: RunningPlatform;
  try {
    platform = await startPlatform({ features, app, holdLogs: true });
  } catch (error) {
    console.error(
      // Refusals a user can fix are one line; anything else keeps its stack for a bug report.
      error instanceof ConfigError || error instanceof DataFolderInUseError
        ? error.message
        : `${name} failed to start: ${String((error as Error)?.stack ?? error)}`,
    );
    process.exit(1);
  }
  const { baseUrl, database, config } = platform;
  const routes = registeredRoutes(platform.app);
  const lines = [
    `${name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    // /v2's own routes (the OpenAPI docs are registered in every HTTP process).
    ...(routes.some((r) => r.includes(' /v2/') && !/ \/v2\/(docs|openapi)/.test(r))
      ? [
          `  API        ${baseUrl}/v2`,
          `  API docs   ${baseUrl}/v2/docs   (OpenAPI: ${baseUrl}/v2/openapi.json)`,
        ]
      : []),
    ...(routes.some((r) => r.endsWith(' /graphql'))
      ? [`  GraphQL    ${baseUrl}/graphql   (graphql-ws on the same path)`]
      : []),
    ...(routes.some((r) => r.includes(' /v1/'))
      ? [`  Legacy API ${baseUrl}/v1   (the /v1 contract, served by the Munger)`]
      : []),
    ...(routes.some((r) => r.startsWith('GET /support/login'))
      ? [
          `  Support    ${baseUrl}/support   (staff; first staff user: npm run staff -- create --email you@example.com --name You --role admin)`,
        ]
      : []),
    `  Health     ${baseUrl}/health/ready`,
    ...(routes.includes('GET /metrics') ? [`  Metrics    ${baseUrl}/metrics`] : []),
    `  Database   ${database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`,
  ];
  if (config.SEED_DEMO) lines.push(`  Demo login ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  if (resolveLogFormat(config) === 'json' && config.NODE_ENV === 'production') {
    // Production logs are JSON lines only: the banner is one of them.
    platform.log.info({ ready: lines.slice(1).map((line) => line.trim()) }, lines[0]);
  } else {
    console.log(lines.join('\n'));
  }
  platform.releaseLogs();

  reportProcessErrors(platform.app);
  stopOnSignals(() => platform.close());
}
