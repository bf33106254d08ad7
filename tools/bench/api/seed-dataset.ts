import { Client } from 'pg';
import { hashPassword } from '@dailies/auth';

export interface Dataset {
  email: string;
  password: string;
  userId: string;
  /** A file with many comments (for the comments page and POST). */
  hotFileId: string;
  /** A folder with at least 100 children (for the children page). */
  folderId: string;
  counts: { projects: number; assets: number; comments: number };
}

export interface DatasetSize {
  projects: number;
  foldersPerProject: number;
  filesPerFolder: number;
  commentsPerFile: number;
}

/**
 * A realistic account, written with set-based SQL (generate_series) because inserting 150,000
 * rows through the API would take longer than the benchmark: one account and team, `projects`
 * projects, each a root folder with folders of files (technical metadata in `properties`), and
 * comments on every file, plus one "hot" file with a long thread.
 */
export async function seedDataset(url: string, size: DatasetSize): Promise<Dataset> {
  const email = 'bench@dailies.dev';
  const password = 'bench-password-2026';
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('BEGIN');
    const passwordHash = await hashPassword(password);
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
      [email, passwordHash],
    );
    const { user_id: userId, account_id: accountId, team_id: teamId } = ids;
    await db.query(`INSERT INTO memberships (account_id, user_id, role) VALUES ($1, $2, 'owner')`, [
      accountId,
      userId,
    ]);
    await db.query(`INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)`, [teamId, userId]);
    await db.query(
      `INSERT INTO projects (id, account_id, team_id, name, root_asset_id, owner_id)
       SELECT gen_random_uuid(), $1, $2, 'Project ' || g, gen_random_uuid(), $3
       FROM generate_series(1, $4::int) g`,
      [accountId, teamId, userId, size.projects],
    );
    await db.query(
      `INSERT INTO assets (id, project_id, account_id, type, name, creator_id)
       SELECT root_asset_id, id, account_id, 'folder', name, owner_id FROM projects
       WHERE account_id = $1`,
      [accountId],
    );
    await db.query(
      `INSERT INTO assets (id, project_id, account_id, parent_id, type, name, sort_order, creator_id)
       SELECT gen_random_uuid(), p.id, p.account_id, p.root_asset_id, 'folder', 'Reel ' || f,
              f * 1024, p.owner_id
       FROM projects p, generate_series(1, $2::int) f WHERE p.account_id = $1`,
      [accountId, size.foldersPerProject],
    );
    await db.query(
      `INSERT INTO assets (id, project_id, account_id, parent_id, type, name, filetype, filesize,
                           duration, fps, frames, status, sort_order, creator_id, properties)
       SELECT gen_random_uuid(), a.project_id, a.account_id, a.id, 'file',
              'Shot ' || lpad(n::text, 4, '0') || '.mov', 'video/quicktime', 150000000 + n * 1000,
              42.5, 23.976, 1019, 'ready', n * 1024, a.creator_id,
              jsonb_build_object('codec', 'prores_4444', 'width', 3840, 'height', 2160,
                                 'colorspace', 'rec709', 'audioChannels', 2, 'take', n)
       FROM assets a, generate_series(1, $2::int) n
       WHERE a.account_id = $1 AND a.type = 'folder' AND a.parent_id IS NOT NULL`,
      [accountId, size.filesPerFolder],
    );
    await db.query(
      `INSERT INTO comments (id, asset_id, project_id, account_id, author_id, text, frame, created_at)
       SELECT gen_random_uuid(), a.id, a.project_id, a.account_id, a.creator_id,
              'Note ' || c || ': lift the shadows a touch and check the edge at the cut', c * 24,
              now() - make_interval(mins => c)
       FROM assets a, generate_series(1, $2::int) c
       WHERE a.account_id = $1 AND a.type = 'file'`,
      [accountId, size.commentsPerFile],
    );
    const {
      rows: [hot],
    } = await db.query<{ id: string; parent_id: string }>(
      `SELECT id, parent_id FROM assets WHERE account_id = $1 AND type = 'file'
       ORDER BY id LIMIT 1`,
      [accountId],
    );
    // The hot file: a long review thread with replies, as a busy review produces.
    await db.query(
      `WITH top AS (
         INSERT INTO comments (id, asset_id, project_id, account_id, author_id, text, frame, created_at)
         SELECT gen_random_uuid(), a.id, a.project_id, a.account_id, a.creator_id,
                'Frame note ' || c, c * 12, now() - make_interval(secs => 600 - c)
         FROM assets a, generate_series(1, 150) c WHERE a.id = $1
         RETURNING id, asset_id, project_id, account_id, author_id)
       INSERT INTO comments (id, asset_id, project_id, account_id, author_id, parent_id, text)
       SELECT gen_random_uuid(), asset_id, project_id, account_id, author_id, id, 'Agreed'
       FROM top`,
      [hot.id],
    );
    await db.query('COMMIT');
    await db.query('VACUUM ANALYZE');
    const {
      rows: [counts],
    } = await db.query<{ projects: number; assets: number; comments: number }>(
      `SELECT (SELECT count(*)::int FROM projects) AS projects,
              (SELECT count(*)::int FROM assets) AS assets,
              (SELECT count(*)::int FROM comments) AS comments`,
    );
    return { email, password, userId, hotFileId: hot.id, folderId: hot.parent_id, counts };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
