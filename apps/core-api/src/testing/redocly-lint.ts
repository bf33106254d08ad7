import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}

const CLI = join(process.cwd(), 'node_modules/@redocly/cli/bin/cli.js');

/**
 * `redocly lint --extends recommended` on a document (the CLI has no Node API; its own library
 * is bundled). Telemetry and the update check are off: tests reach no network.
 */
export async function lintWithRedocly(document: object): Promise<LintProblem[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dailies-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const run = promisify(execFile);
    const args = [CLI, 'lint', file, '--extends', 'recommended', '--format', 'json'];
    const env = {
      ...process.env,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    };
    // Exits 1 when it finds errors; the report is on stdout either way.
    const stdout = await run(process.execPath, args, { env, maxBuffer: 16 * 1024 * 1024 }).then(
      (r) => r.stdout,
      (error: { stdout?: string }) => {
        if (!error.stdout) throw error;
        return error.stdout;
      },
    );
    return (JSON.parse(stdout) as { problems: LintProblem[] }).problems;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
