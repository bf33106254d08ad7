// Runs a TypeScript entry point through SWC (decorators and their metadata, which Node's own
// type stripping does not support) with the workspace's path aliases.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
// A local .env (see .env.example) fills in variables the environment does not set.
const envFile = path.join(root, '.env');
if (require('node:fs').existsSync(envFile)) process.loadEnvFile(envFile);
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(root, 'tsconfig.json');
require('@swc-node/register');
// Mercurius (GraphQL) installs its own Fastify error handler next to ours, which Fastify reports
// as FSTWRN004 on every start; both are intended (each answers its own routes), so that one
// warning is dropped here rather than alarming whoever starts the app. Every other warning stays.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const code =
    (warning && warning.code) ||
    (typeof rest[0] === 'object' && rest[0] !== null ? rest[0].code : rest[1]);
  if (code === 'FSTWRN004') return;
  return emitWarning(warning, ...rest);
};
const entry = process.argv[2];
if (!entry) {
  console.error('usage: run-ts.cjs <entry.ts> [args…]');
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(root, entry));
