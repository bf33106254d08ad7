// Runs `prisma generate` offline. Prisma's CLI insists on a native schema-engine binary that it
// would download from its CDN; `generate` never executes it, so any existing file satisfies the
// check (see ../shared/TOOLCHAIN.md). CHECKPOINT_DISABLE stops the CLI phoning home.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
if (!fs.existsSync(cli)) {
  console.log('prisma CLI not installed yet; skipping generate');
  process.exit(0);
}
const env = {
  ...process.env,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  DATABASE_URL: process.env.DATABASE_URL || 'postgresql://generate@localhost/unused',
};
const result = spawnSync(process.execPath, [cli, 'generate'], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
