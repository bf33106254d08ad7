import { Injectable } from '@nestjs/common';
import { SqlPool } from '@dailies/db';
import type { QueryResultRow } from 'pg';
import {
  accountFromCurrent,
  assetFromCurrent,
  commentFromCurrent,
  CurrentAccount,
  CurrentAsset,
  CurrentComment,
  CurrentProject,
  CurrentReviewLink,
  CurrentTeam,
  CurrentUser,
  NewAccount,
  NewAsset,
  NewComment,
  NewProject,
  NewReviewLink,
  NewTeam,
  NewUser,
  projectFromCurrent,
  reviewLinkFromCurrent,
  teamFromCurrent,
  userFromCurrent,
} from '@dailies/legacy';

/** The id a legacy client sees for a row: its legacy id if migrated, else its new id. */
const ref = (alias: string) => `COALESCE(${alias}.legacy_id, ${alias}.id::text)`;

/** Keeps the rows in the order of `ids` (SQL `= ANY` answers in any order). */
function inOrder<T extends { id: string }>(ids: readonly string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const ASSET_COLUMNS = `
  a.id::text AS "id", a.legacy_id AS "legacyId", a.project_id::text AS "projectId",
  ${ref('p')} AS "projectRef", a.parent_id::text AS "parentId",
  CASE WHEN pa.id IS NULL THEN NULL ELSE ${ref('pa')} END AS "parentRef",
  a.type::text AS "type", a.name, a.filetype, a.filesize, a.duration, a.fps, a.frames,
  a.status::text AS "status", a.label::text AS "label", a.version,
  -- As text: parsed per record while it is written out (short-lived), not per batch.
  a.properties::text AS "properties",
  a.creator_id::text AS "creatorId", CASE WHEN cr.id IS NULL THEN NULL ELSE ${ref('cr')} END AS "creatorRef",
  a.deleted_at AS "deletedAt", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
  CASE WHEN a.type = 'file' THEN ARRAY[]::text[]
       ELSE ARRAY(SELECT ${ref('ch')} FROM assets ch
                  WHERE ch.parent_id = a.id AND ch.deleted_at IS NULL
                  ORDER BY ch.sort_order, ch.id) END AS "childIds"`;

const ASSET_FROM = `
  FROM assets a
  JOIN projects p ON p.id = a.project_id
  LEFT JOIN assets pa ON pa.id = a.parent_id
  LEFT JOIN users cr ON cr.id = a.creator_id`;

const COMMENT_SELECT = `
  SELECT c.id::text AS "id", c.legacy_id AS "legacyId", c.asset_id::text AS "assetId",
    ${ref('a')} AS "assetRef", c.parent_id::text AS "parentId",
    CASE WHEN pc.id IS NULL THEN NULL ELSE ${ref('pc')} END AS "parentRef",
    c.author_id::text AS "authorId", CASE WHEN au.id IS NULL THEN NULL ELSE ${ref('au')} END AS "authorRef",
    c.text, c.frame, c.duration_frames AS "durationFrames", c.annotation, c.private,
    c.completed_at AS "completedAt", c.completed_by_id::text AS "completedById",
    CASE WHEN cb.id IS NULL THEN NULL ELSE ${ref('cb')} END AS "completedByRef",
    c.deleted_at AS "deletedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt",
    ARRAY(SELECT ${ref('lu')} FROM comment_likes l JOIN users lu ON lu.id = l.user_id
          WHERE l.comment_id = c.id ORDER BY l.created_at, lu.id) AS "likeIds"
  FROM comments c
  JOIN assets a ON a.id = c.asset_id
  LEFT JOIN comments pc ON pc.id = c.parent_id
  LEFT JOIN users au ON au.id = c.author_id
  LEFT JOIN users cb ON cb.id = c.completed_by_id`;

/**
 * What the new system holds now about records, shaped as the legacy table definitions' new side
 * (`toLegacy` input): one SQL statement per set of records (plain `pg`: these reads are hot and
 * large, and the driver hands rows over without a mapping layer), every reference as a legacy-facing id
 * and every list (members, children, likes, items…) computed from current data. No access
 * checks here: the queries that use it apply the same policies as their /v2 twins first.
 */
@Injectable()
export class LegacyFacts {
  constructor(private readonly sql: SqlPool) {}

  /**
   * A batch statement with JIT compilation off: the per-row child-list subplan makes PostgreSQL
   * estimate a keyset batch of 1,000 rows as expensive enough to JIT-compile it, which took
   * ~250 ms per statement (measured) and buys nothing for an index-ordered batch.
   */
  private batch<R extends QueryResultRow>(text: string, params: unknown[]): Promise<R[]> {
    return this.sql.withClient(async (client) => {
      await client.query('BEGIN READ ONLY');
      try {
        await client.query('SET LOCAL jit = off');
        const { rows } = await client.query<R>(text, params);
        await client.query('COMMIT');
        return rows;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async users(ids: readonly string[]): Promise<NewUser[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<CurrentUser>(
      `SELECT u.id::text AS "id", u.legacy_id AS "legacyId", u.email, u.name,
        u.status::text AS "status", u.timezone, u.email_confirmed AS "emailConfirmed",
        u.last_login_at AS "lastLoginAt", u.settings, u.created_at AS "createdAt",
        u.updated_at AS "updatedAt",
        ARRAY(SELECT ${ref('ac')} FROM memberships m JOIN accounts ac ON ac.id = m.account_id
              WHERE m.user_id = u.id ORDER BY m.created_at, ac.id) AS "accountIds"
      FROM users u WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
    return inOrder(ids, rows).map(userFromCurrent);
  }

  async accounts(ids: readonly string[]): Promise<NewAccount[]> {
    if (ids.length === 0) return [];
    const members = (role: 'owner' | 'admin' | null) => `
      ARRAY(SELECT ${ref('mu')} FROM memberships m JOIN users mu ON mu.id = m.user_id
            WHERE m.account_id = ac.id ${role ? `AND m.role = '${role}'` : ''}
            ORDER BY m.created_at, mu.id)`;
    const rows = await this.sql.query<CurrentAccount>(
      `SELECT ac.id::text AS "id", ac.legacy_id AS "legacyId", ac.name, ac.plan::text AS "plan",
        ac.storage_limit_bytes AS "storageLimitBytes",
        (${members('owner')})[1] AS "ownerRef",
        ${members(null)} AS "memberIds",
        ${members('admin')} AS "adminIds",
        ARRAY(SELECT ${ref('t')} FROM teams t WHERE t.account_id = ac.id
              ORDER BY t.created_at, t.id) AS "teamIds",
        ac.created_at AS "createdAt", ac.updated_at AS "updatedAt"
      FROM accounts ac WHERE ac.id = ANY($1::uuid[])`,
      [ids],
    );
    return inOrder(ids, rows).map(accountFromCurrent);
  }

  async teams(ids: readonly string[]): Promise<NewTeam[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<CurrentTeam>(
      `SELECT t.id::text AS "id", t.legacy_id AS "legacyId", t.account_id::text AS "accountId",
        ${ref('ac')} AS "accountRef", t.name,
        ARRAY(SELECT ${ref('mu')} FROM team_members tm JOIN users mu ON mu.id = tm.user_id
              WHERE tm.team_id = t.id ORDER BY tm.created_at, mu.id) AS "memberIds",
        ARRAY(SELECT ${ref('p')} FROM projects p WHERE p.team_id = t.id
              ORDER BY p.created_at, p.id) AS "projectIds",
        t.created_at AS "createdAt", t.updated_at AS "updatedAt"
      FROM teams t JOIN accounts ac ON ac.id = t.account_id
      WHERE t.id = ANY($1::uuid[])`,
      [ids],
    );
    return inOrder(ids, rows).map(teamFromCurrent);
  }

  async projects(ids: readonly string[]): Promise<NewProject[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<CurrentProject>(
      `SELECT p.id::text AS "id", p.legacy_id AS "legacyId", p.team_id::text AS "teamId",
        ${ref('t')} AS "teamRef", p.name, p.private, p.archived,
        p.root_asset_id::text AS "rootAssetId",
        (SELECT ${ref('r')} FROM assets r WHERE r.id = p.root_asset_id) AS "rootAssetRef",
        p.owner_id::text AS "ownerId", CASE WHEN o.id IS NULL THEN NULL ELSE ${ref('o')} END AS "ownerRef",
        COALESCE(c.ids, ARRAY[]::text[]) AS "collaboratorIds",
        COALESCE(c.roles, ARRAY[]::text[]) AS "collaboratorRoles",
        p.created_at AS "createdAt", p.updated_at AS "updatedAt"
      FROM projects p
      JOIN teams t ON t.id = p.team_id
      LEFT JOIN users o ON o.id = p.owner_id
      LEFT JOIN LATERAL (
        SELECT array_agg(${ref('cu')} ORDER BY pc.created_at, cu.id) AS ids,
               array_agg(pc.role::text ORDER BY pc.created_at, cu.id) AS roles
        FROM project_collaborators pc JOIN users cu ON cu.id = pc.user_id
        WHERE pc.project_id = p.id) c ON true
      WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return inOrder(ids, rows).map(projectFromCurrent);
  }

  async assets(ids: readonly string[]): Promise<NewAsset[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<CurrentAsset>(
      `SELECT ${ASSET_COLUMNS} ${ASSET_FROM} WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    return inOrder(ids, rows).map(assetFromCurrent);
  }

  /**
   * One keyset batch of a folder's or stack's live children in their order (sort key, then id),
   * after `after` (the last child of the previous batch), as rows: `assetFromCurrent` makes each
   * a record when it is written out.
   */
  async childrenBatch(
    parentId: string,
    after: { sortOrder: string; id: string } | null,
    limit: number,
  ): Promise<{ rows: CurrentAsset[]; last: { sortOrder: string; id: string } | null }> {
    const rows = await this.batch<CurrentAsset & { sortOrder: string }>(
      `SELECT ${ASSET_COLUMNS}, a.sort_order::text AS "sortOrder" ${ASSET_FROM}
      WHERE a.parent_id = $1::uuid AND a.deleted_at IS NULL
        AND ($2::bigint IS NULL OR (a.sort_order, a.id) > ($2::bigint, $3::uuid))
      ORDER BY a.sort_order, a.id
      LIMIT $4`,
      [parentId, after?.sortOrder ?? null, after?.id ?? null, limit],
    );
    const lastRow = rows[rows.length - 1];
    return { rows, last: lastRow ? { sortOrder: lastRow.sortOrder, id: lastRow.id } : null };
  }

  async comments(ids: readonly string[]): Promise<NewComment[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<CurrentComment>(
      `${COMMENT_SELECT} WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return inOrder(ids, rows).map(commentFromCurrent);
  }

  /**
   * One keyset batch of an asset's live comments, replies included, oldest first (creation time,
   * then id); private ones only when `insider`.
   */
  async commentsBatch(
    assetId: string,
    insider: boolean,
    after: { createdAt: Date; id: string } | null,
    limit: number,
  ): Promise<NewComment[]> {
    const rows = await this.batch<CurrentComment>(
      `${COMMENT_SELECT}
      WHERE c.asset_id = $1::uuid AND c.deleted_at IS NULL AND ($2::boolean OR NOT c.private)
        AND ($3::timestamptz IS NULL OR (c.created_at, c.id) > ($3::timestamptz, $4::uuid))
      ORDER BY c.created_at, c.id
      LIMIT $5`,
      [assetId, insider, after?.createdAt ?? null, after?.id ?? null, limit],
    );
    return rows.map(commentFromCurrent);
  }

  async reviewLinks(ids: readonly string[]): Promise<NewReviewLink[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<CurrentReviewLink>(
      `SELECT l.id::text AS "id", l.legacy_id AS "legacyId", l.project_id::text AS "projectId",
        ${ref('p')} AS "projectRef", l.name, l.short_code AS "shortCode",
        l.expires_at AS "expiresAt", l.active, l.allow_download AS "allowDownload",
        l.created_by_id::text AS "createdById",
        CASE WHEN u.id IS NULL THEN NULL ELSE ${ref('u')} END AS "createdByRef",
        l.created_at AS "createdAt", l.updated_at AS "updatedAt",
        ARRAY(SELECT ${ref('ia')} FROM review_link_items i JOIN assets ia ON ia.id = i.asset_id
              WHERE i.review_link_id = l.id AND ia.deleted_at IS NULL
              ORDER BY i.position, ia.id) AS "itemIds"
      FROM review_links l
      JOIN projects p ON p.id = l.project_id
      LEFT JOIN users u ON u.id = l.created_by_id
      WHERE l.id = ANY($1::uuid[])`,
      [ids],
    );
    return inOrder(ids, rows).map(reviewLinkFromCurrent);
  }
}
