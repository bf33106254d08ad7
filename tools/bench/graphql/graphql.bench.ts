import crypto from 'node:crypto';
import os from 'node:os';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createBenchDatabase } from '../shared/bench-database';
import { benchServerEnv, ChildServer, startChildServer } from '../shared/child-server';

/**
 * `npm run bench:graphql`:
 * (a) the review screen — a version stack → its versions → their comments → replies → authors —
 *     as one GraphQL query against the same data fetched with the equivalent /v2 calls (the
 *     stack, its versions, then each version's comments in parallel), screens/s and p95 of each;
 * (b) 1,000 graphql-ws subscribers to one asset spread over two core-api instances on one
 *     database: p95 from sending the createComment mutation (an upper bound of its commit) to
 *     delivery at each subscriber.
 * BENCH_SECONDS (default 10) per run of (a); BENCH_SUBSCRIBERS (1000); BENCH_ADMIN_URL to use
 * an existing PostgreSQL server instead of an embedded one.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const WORKERS = 16;

/** Parsed JSON answers, read with `at(value, 'data', 'createComment', 'id')`. */
type Json = Record<string, unknown>;

function at(value: unknown, ...path: string[]): string {
  let current = value;
  for (const key of path) current = (current as Json | undefined)?.[key];
  if (typeof current !== 'string') throw new Error(`no string at ${path.join('.')}`);
  return current;
}

async function call(url: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as Json;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

/** WORKERS loops doing `screen` back to back for `seconds`: screens/s and latency percentiles. */
async function measure(screen: () => Promise<void>) {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    [...Array(WORKERS)].map(async () => {
      while (Date.now() < end) {
        const started = performance.now();
        await screen();
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

const REVIEW = `query Review($id: ID!) { asset(id: $id) { id name versionCount
  versions(first: 10) { edges { node { id name version
    comments(first: 50) { edges { node { id text timestamp likeCount
      author { id name } replies { id text author { id name } } } } } } } } } }`;

async function main(): Promise<void> {
  const database = await createBenchDatabase();
  const servers: ChildServer[] = [];
  const sockets: Client[] = [];
  try {
    const env = benchServerEnv(database.url);
    const a = await startChildServer('apps/core-api/src/main.ts', env);
    servers.push(a);
    const b = await startChildServer('apps/core-api/src/main.ts', env);
    servers.push(b);

    console.log('seeding a review: a stack of 3 versions, 50 comments with 2 replies each…');
    // Sign-up answers 202 alike for every address; the session comes from logging in.
    const signup = async (name: string) => {
      const email = `${name}-${crypto.randomBytes(4).toString('hex')}@bench.dev`;
      const password = 'a-long-enough-password';
      await call(a.url, 'POST', '/v2/auth/signup', undefined, { email, password, name });
      const session = await call(a.url, 'POST', '/v2/auth/login', undefined, { email, password });
      const accessToken = at(session, 'accessToken');
      const accountId = at(await call(a.url, 'GET', '/v2/me', accessToken), 'accounts', '0', 'id');
      const teams = await call(a.url, 'GET', `/v2/accounts/${accountId}/teams`, accessToken);
      return { accessToken, teamId: at(teams, 'data', '0', 'id') };
    };
    const owner = await signup('Owner');
    const token = at(owner, 'accessToken');
    const project = await call(a.url, 'POST', `/v2/teams/${at(owner, 'teamId')}/projects`, token, {
      name: 'Review',
    });
    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      const file = await call(
        a.url,
        'POST',
        `/v2/assets/${at(project, 'rootAssetId')}/children`,
        token,
        {
          type: 'file',
          name: `cut-v${i + 1}.mov`,
        },
      );
      files.push(at(file, 'id'));
    }
    const stack = await call(a.url, 'POST', `/v2/assets/${files[0]}/version`, token, {
      nextAssetId: files[1],
    });
    await call(a.url, 'POST', `/v2/assets/${at(stack, 'id')}/version`, token, {
      nextAssetId: files[2],
    });
    const head = files[2];
    for (let i = 0; i < 50; i++) {
      const comment = await call(a.url, 'POST', `/v2/assets/${head}/comments`, token, {
        text: `note ${i}`,
        timestamp: i * 24,
      });
      for (let r = 0; r < 2; r++) {
        await call(a.url, 'POST', `/v2/comments/${at(comment, 'id')}/replies`, token, {
          text: `re ${r}`,
        });
      }
    }

    console.log(`(a) review screen, ${WORKERS} clients, ${seconds} s each…`);
    const graphql = await measure(async () => {
      const body = await call(a.url, 'POST', '/graphql', token, {
        query: REVIEW,
        variables: { id: at(stack, 'id') },
      });
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    });
    const rest = await measure(async () => {
      await call(a.url, 'GET', `/v2/assets/${at(stack, 'id')}`, token);
      const versions = await call(
        a.url,
        'GET',
        `/v2/assets/${at(stack, 'id')}/versions?limit=10`,
        token,
      );
      await Promise.all(
        (versions.data as Json[]).map((v) =>
          call(a.url, 'GET', `/v2/assets/${at(v, 'id')}/comments?limit=50`, token),
        ),
      );
    });

    console.log(`(b) ${subscribers} subscribers on one asset across two instances…`);
    const received = new Map<string, number[]>();
    let connected = 0;
    for (let i = 0; i < subscribers; i++) {
      const server = i % 2 === 0 ? a : b;
      const client = createClient({
        url: `${server.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        lazy: false,
        retryAttempts: 0,
        on: { connected: () => connected++ },
      });
      sockets.push(client);
      client.subscribe<Json>(
        {
          query: `subscription($a: ID!) { commentChanged(assetId: $a) { kind commentId comment { text author { name } } } }`,
          variables: { a: head },
        },
        {
          next: (value) => {
            const id = (value.data?.commentChanged as Json | undefined)?.commentId;
            if (typeof id === 'string')
              received.set(id, [...(received.get(id) ?? []), performance.now()]);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
    }
    const deadline = Date.now() + 60_000;
    while (connected < subscribers && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const sent = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const comment = await call(a.url, 'POST', '/graphql', token, {
        query: `mutation($a: ID!, $t: String!) { createComment(assetId: $a, input: { text: $t }) { id } }`,
        variables: { a: head, t: `live ${i}` },
      });
      sent.set(at(comment, 'data', 'createComment', 'id'), started);
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const delays: number[] = [];
    let missing = 0;
    for (const [id, at] of sent) {
      const times = received.get(id) ?? [];
      missing += subscribers - times.length;
      for (const t of times) delays.push(t - at);
    }
    delays.sort((x, y) => x - y);

    const fmt = (n: number) => n.toFixed(1);
    console.log(`\nmachine: ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);
    console.log('(a) review screen                 screens/s   p50 ms   p95 ms');
    console.log(
      `    GraphQL, 1 request            ${String(graphql.rps).padStart(9)} ${fmt(graphql.p50).padStart(8)} ${fmt(graphql.p95).padStart(8)}`,
    );
    console.log(
      `    /v2, 2 + versions requests    ${String(rest.rps).padStart(9)} ${fmt(rest.p50).padStart(8)} ${fmt(rest.p95).padStart(8)}`,
    );
    console.log(
      `    ratio GraphQL / v2            ${(graphql.rps / Math.max(1, rest.rps)).toFixed(2)}× throughput, ${(graphql.p95 / Math.max(0.1, rest.p95)).toFixed(2)}× p95`,
    );
    console.log(
      `(b) ${connected}/${subscribers} connected, ${sent.size} comments, ${delays.length} deliveries, ${missing} missing`,
    );
    console.log(
      `    mutation sent → delivered: p50 ${fmt(percentile(delays, 50))} ms, p95 ${fmt(percentile(delays, 95))} ms, max ${fmt(delays[delays.length - 1] ?? 0)} ms (target p95 ≤ 200 ms)`,
    );
  } finally {
    await Promise.all(sockets.map((s) => s.dispose()));
    for (const server of servers.reverse()) await server.stop();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
