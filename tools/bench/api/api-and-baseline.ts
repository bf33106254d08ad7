import { ChildServer, startChildServer } from '../shared/child-server';

/** The core API and the bare one-query baseline server, each in its own process, both probed. */
export interface ApiAndBaseline {
  api: ChildServer;
  baseline: ChildServer;
  /** A bearer header for the seeded user, from the API's own login. */
  headers: { authorization: string };
}

/**
 * Starts both servers of the API benchmarks (bench:api, bench:api-paced) on the same database,
 * registering their stops in `cleanups`, and signs the seeded user in. Both run with the loop
 * probe (loop-probe.cjs: a histogram timer and a GC observer, negligible next to a request), so
 * the paced runs show each server's own stalls.
 */
export async function startApiAndBaseline(options: {
  serverEnv: Record<string, string>;
  apiEnv?: Record<string, string>;
  apiNodeArgs?: string[];
  credentials: { email: string; password: string };
  cleanups: (() => Promise<void>)[];
}): Promise<ApiAndBaseline> {
  const probe = { probe: true };
  const api = await startChildServer(
    'apps/core-api/src/main.ts',
    { ...options.serverEnv, ...options.apiEnv },
    60_000,
    options.apiNodeArgs ?? [],
    probe,
  );
  options.cleanups.unshift(() => api.stop());
  const baseline = await startChildServer(
    'tools/bench/api/baseline-main.ts',
    options.serverEnv,
    60_000,
    [],
    probe,
  );
  options.cleanups.unshift(() => baseline.stop());
  const login = await fetch(`${api.url}/v2/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options.credentials),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { api, baseline, headers: { authorization: `Bearer ${accessToken}` } };
}
