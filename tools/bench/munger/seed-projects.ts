import { Client } from 'pg';
import { hashPassword } from '@dailies/auth';

export interface MungerDataset {
  email: string;
  password: string;
  /** project id → its number of assets (root, folders and files). */
  projects: { id: string; rootAssetId: string; assets: number; fileId: string }[];
}

/**
 * One owner, account and team, and one project per requested size: a root folder with folders
 * of 1,000 files each, every file with ~1 KB of technical metadata in `properties` (set-based
 * SQL: 110,000 assets in seconds).
 */
export async function seedProjects(url: string, sizes: number[]): Promise<MungerDataset> {
  const email = 'munger-bench@dailies.dev';
  const password = 'bench-password-2026';
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('BEGIN');
    const {
      rows: [ids],
    } = await db.query<{ user_id: string; account_id: string; team_id: string }>(
      `WITH u AS (
         INSERT INTO users (id, email, name, password_hash) VALUES (gen_random_uuid(), $1, 'Bench', $2)
         RETURNING id),
       a AS (
         INSERT INTO accounts (id, name, storage_limit_bytes) VALUES (gen_random_uuid(), 'Bench', 1e15)
         RETURNING id),
       t AS (
         INSERT INTO teams (id, account_id, name) SELECT gen_random_uuid(), a.id, 'Post' FROM a
         RETURNING id)
       SELECT u.id AS user_id, a.id AS account_id, t.id AS team_id FROM u, a, t`,
      [email, await hashPassword(password)],
    );
    await db.query(`INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, 'owner')`, [
      ids.account_id,
      ids.user_id,
    ]);
    await db.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)`, [
      ids.team_id,
      ids.user_id,
    ]);
    const projects: MungerDataset['projects'] = [];
    for (const size of sizes) {
      const folders = Math.max(1, Math.round((size - 1) / 1001));
      const filesPerFolder = Math.floor((size - 1 - folders) / folders);
      const {
        rows: [p],
      } = await db.query<{ id: string; root_asset_id: string }>(
        `INSERT INTO projects (id, account_id, team_id, name, root_asset_id, owner_id)
         VALUES (gen_random_uuid(), $1, $2, $3, gen_random_uuid(), $4)
         RETURNING id, root_asset_id`,
        [ids.account_id, ids.team_id, `Feature (${size} assets)`, ids.user_id],
      );
      await db.query(
        `INSERT INTO assets (id, project_id, account_id, type, name, creator_id)
         VALUES ($1, $2, $3, 'folder', 'root', $4)`,
        [p.root_asset_id, p.id, ids.account_id, ids.user_id],
      );
      await db.query(
        `INSERT INTO assets (id, project_id, account_id, parent_id, type, name, sort_order, creator_id)
         SELECT gen_random_uuid(), $1, $2, $3, 'folder', 'Reel ' || f, f * 1024, $4
         FROM generate_series(1, $5::int) f`,
        [p.id, ids.account_id, p.root_asset_id, ids.user_id, folders],
      );
      await db.query(
        `INSERT INTO assets (id, project_id, account_id, parent_id, type, name, filetype, filesize,
                             duration, fps, frames, status, sort_order, creator_id, properties)
         SELECT gen_random_uuid(), a.project_id, a.account_id, a.id, 'file',
                'Shot ' || lpad(n::text, 4, '0') || '.mov', 'video/quicktime', 150000000 + n * 1000,
                42.5, 23.976, 1019, 'ready', n * 1024, a.creator_id,
                jsonb_build_object('codec', 'prores_4444', 'width', 3840, 'height', 2160,
                  'colorspace', 'rec709', 'take', n,
                  'transcodes', (SELECT jsonb_agg(jsonb_build_object(
                      'profile', 'h264_' || q, 'url', 's3://media/' || md5(a.id::text || q),
                      'bytes', 1000000 * q)) FROM generate_series(1, 8) q))
         FROM assets a, generate_series(1, $2::int) n
         WHERE a.project_id = $1 AND a.type = 'folder' AND a.parent_id IS NOT NULL`,
        [p.id, filesPerFolder],
      );
      const {
        rows: [counts],
      } = await db.query<{ n: number; file: string }>(
        `SELECT count(*)::int AS n, min(id::text) FILTER (WHERE type = 'file') AS file
         FROM assets WHERE project_id = $1`,
        [p.id],
      );
      projects.push({
        id: p.id,
        rootAssetId: p.root_asset_id,
        assets: counts.n,
        fileId: counts.file,
      });
    }
    await db.query('COMMIT');
    await db.query('VACUUM ANALYZE');
    return { email, password, projects };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
