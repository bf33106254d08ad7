import { Client } from 'pg';
import { signUpAndLogIn, TestClient } from '@dailies/platform/testing';

/** A user with an account, a project and a client acting as them. */
export async function userWithProject(baseUrl: string, name: string) {
  const anon = new TestClient(baseUrl);
  const email = `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const signup = await signUpAndLogIn(anon, {
    email,
    password: 'a-long-enough-password',
    name,
  });
  if (signup.status !== 201) throw new Error(`signup: ${signup.status}`);
  const client = anon.as(signup.body.accessToken);
  const project = await client.post(`/v2/teams/${signup.body.teamId}/projects`, { name: 'Reel' });
  if (project.status !== 201) throw new Error(`project: ${project.status}`);
  return {
    client,
    accessToken: signup.body.accessToken as string,
    accountId: signup.body.accountId as string,
    userId: signup.body.user.id as string,
    projectId: project.body.id as string,
    rootAssetId: project.body.rootAssetId as string,
  };
}

export async function query<T extends Record<string, unknown>>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query<T>(sql, params)).rows;
  } finally {
    await db.end();
  }
}

/** Waits until no delivery is pending (every consumer handled every committed event). */
export async function drained(databaseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await query<{ pending: number }>(
      databaseUrl,
      "SELECT count(*)::int AS pending FROM event_deliveries WHERE state = 'pending'",
    );
    if (row.pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${row.pending} deliveries still pending`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What the durable path promises, checked on the database after the dust settles. */
export async function eventInvariants(databaseUrl: string) {
  const [row] = await query<{
    events: number;
    audited: number;
    unaudited: number;
    tracked: number;
    dead: number;
    comments_without_event: number;
    usage_drift: number;
  }>(
    databaseUrl,
    `SELECT
       (SELECT count(*)::int FROM events) AS events,
       (SELECT count(*)::int FROM audit_log) AS audited,
       (SELECT count(*)::int FROM events e
         WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.event_id = e.id)) AS unaudited,
       (SELECT count(*)::int FROM analytics_events) AS tracked,
       (SELECT count(*)::int FROM event_deliveries WHERE state = 'dead') AS dead,
       (SELECT count(*)::int FROM comments c WHERE NOT EXISTS (
          SELECT 1 FROM events e WHERE e.name = 'comment.created' AND e.subject_id = c.id::text))
         AS comments_without_event,
       (SELECT count(*)::int FROM accounts acc
          LEFT JOIN account_usage u ON u.account_id = acc.id
          LEFT JOIN LATERAL (
            SELECT count(*) FILTER (WHERE type = 'file') AS files,
                   coalesce(sum(filesize) FILTER (WHERE type = 'file' AND status <> 'uploading'), 0)
                     AS bytes
            FROM assets a WHERE a.account_id = acc.id) r ON true
          WHERE coalesce(u.storage_bytes, 0) <> r.bytes OR coalesce(u.asset_count, 0) <> r.files)
         AS usage_drift`,
  );
  return row;
}
