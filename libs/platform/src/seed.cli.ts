import 'reflect-metadata';
import { ConfigError } from '@dailies/config';
import { DEMO_LOGIN, seedDemo } from './demo-seed';
import { startWorker } from './start-worker';

// `npm run seed`: creates the demo user on the configured database (embedded unless
// DATABASE_URL), then exits. Never in production. `npm start` runs the same seed in development.
async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    console.error('npm run seed: the demo user is never created in production (NODE_ENV).');
    process.exit(2);
  }
  const worker = await startWorker({ healthServer: false });
  try {
    const created = await seedDemo(worker.app);
    console.log(
      created
        ? `demo user created: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`
        : `demo user already there: ${DEMO_LOGIN.email}`,
    );
  } finally {
    await worker.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `seed failed: ${String((error as Error)?.stack ?? error)}`,
  );
  process.exit(1);
});
