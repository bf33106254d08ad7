import { Client } from 'pg';

/** The tables a migration writes (targets of every legacy table). */
export const TARGET_TABLES = [
  'users',
  'accounts',
  'memberships',
  'teams',
  'team_members',
  'projects',
  'project_collaborators',
  'assets',
  'comments',
  'comment_likes',
  'review_links',
  'review_link_items',
] as const;

/** Row count and a digest of every row's content, per target table. */
export async function contentFingerprint(url: string): Promise<Record<string, string>> {
  return query(
    url,
    (t) =>
      `SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') AS v FROM ${t} x`,
  );
}

/** Which row versions exist (xmin, ctid): unchanged only if no row was written at all. */
export async function rowVersions(url: string): Promise<Record<string, string>> {
  return query(
    url,
    (t) =>
      `SELECT coalesce(md5(string_agg(xmin::text || ctid::text, ',' ORDER BY ctid)), '') AS v FROM ${t}`,
  );
}

async function query(url: string, sql: (table: string) => string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    for (const table of TARGET_TABLES) {
      const { rows } = await client.query<{ v: string }>(sql(table));
      out[table] = rows[0].v;
    }
    return out;
  } finally {
    await client.end();
  }
}
