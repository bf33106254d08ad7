import { startBaselineServer } from './baseline-server';

// Entry of the baseline server's own process (so it runs under the same conditions as the API).
async function main(): Promise<void> {
  const { DATABASE_URL: url, JWT_SECRET: secret } = process.env;
  if (!url || !secret) throw new Error('DATABASE_URL and JWT_SECRET are required');
  const server = await startBaselineServer(url, secret, Number(process.env.PORT ?? 0));
  console.log(`listening ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
