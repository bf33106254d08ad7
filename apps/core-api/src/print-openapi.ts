import 'reflect-metadata';
import { ApiV2Module } from '@dailies/api-v2';
import { buildOpenApiDocument, createHttpApp } from '@dailies/http';
import { loadPlatformConfig, PlatformRootModule } from '@dailies/platform';

// `npm run openapi`: prints the /v2 OpenAPI 3.1 document (what /v2/openapi.json serves) to
// stdout, for client generators. The app is built but never started: no database is touched.
async function main(): Promise<void> {
  const databaseUrl = 'postgresql://127.0.0.1:1/not-connected';
  const config = loadPlatformConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl });
  const app = await createHttpApp(
    PlatformRootModule.forRoot({
      config,
      databaseUrl,
      features: [ApiV2Module],
      core: {
        jwtSecret: 'nothing is signed while printing the document',
        accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
        invitationTtlDays: config.INVITATION_TTL_DAYS,
        loginMaxFailuresPerEmail: config.LOGIN_MAX_FAILURES_PER_EMAIL,
        loginMaxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
        loginThrottleWindowSeconds: config.LOGIN_THROTTLE_WINDOW_SECONDS,
        defaultStorageLimitBytes: config.DEFAULT_STORAGE_LIMIT_BYTES,
      },
    }),
    { logLevel: 'silent', openApiDocs: false },
  );
  process.stdout.write(`${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error('npm run openapi failed:', error);
  process.exit(1);
});
