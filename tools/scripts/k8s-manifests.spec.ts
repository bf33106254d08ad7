import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The validator is an ES module (kubernetes-models is ESM-only), so it runs as its own process.
const ROOT = path.resolve(__dirname, '../..');
type Result = { file: string; kind: string; name: string; ok: boolean; error?: string };

function validate(files: string[] = []): { status: number | null; results: Result[] } {
  const run = spawnSync(process.execPath, ['tools/scripts/validate-k8s.mjs', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const results = run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Result);
  return { status: run.status, results };
}

describe('Kubernetes manifests in docker/k8s', () => {
  const { status, results } = validate();

  it('all validate against the Kubernetes schemas', () => {
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(status).toBe(0);
  });

  it('hold a Deployment for every app and the one-off Jobs', () => {
    const names = results.map((r) => `${r.kind}/${r.name}`);
    for (const app of fs.readdirSync(path.join(ROOT, 'apps'))) {
      if (app === 'platform') continue; // the all-in-one process is for a laptop, not a cluster
      expect(names).toContain(`Deployment/dailies-${app}`);
    }
    expect(names).toContain('Job/dailies-migrate');
    expect(names.some((n) => n.startsWith('Job/dynasaur-'))).toBe(true);
  });

  it('rejects a manifest with a wrong field type or an unknown kind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-'));
    const file = path.join(dir, 'broken.yaml');
    fs.writeFileSync(
      file,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: x }',
        'spec: { replicas: two, selector: {}, template: { spec: { containers: [] } } }',
        '---',
        'apiVersion: apps/v1',
        'kind: Deploymint',
        'metadata: { name: y }',
      ].join('\n'),
    );
    const broken = validate([file]);
    expect(broken.status).toBe(1);
    expect(broken.results.map((r) => r.ok)).toEqual([false, false]);
    expect(broken.results[1].error).toContain('unknown kind Deploymint');
  });
});
