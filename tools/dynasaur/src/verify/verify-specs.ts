import crypto from 'node:crypto';
import type {
  LegacyTableName,
  NewAccount,
  NewAsset,
  NewComment,
  NewProject,
  NewReviewLink,
  NewTeam,
  NewUser,
} from '@dailies/legacy';

/** A record's translated content: what the record alone decides, and its optional user refs. */
export interface Content {
  fields: Record<string, unknown>;
  /** Optional references to users (null when the user did not migrate). */
  refs: (string | null)[];
}

export interface VerifySpec {
  table: LegacyTableName;
  /** The target columns read back (legacy_id first). */
  select: string;
  fromNew(value: unknown): Content;
  fromRow(row: Record<string, unknown>): Content;
}

const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** JSON with sorted keys: jsonb reorders keys, so both sides are compared in one canonical form. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function digest(content: Content): string {
  return crypto.createHash('sha256').update(canonical(content.fields)).digest('base64');
}

export const VERIFY_SPECS: Record<LegacyTableName, VerifySpec> = {
  users: {
    table: 'users',
    // password_hash is left out: signing in rehashes a legacy bcrypt digest on purpose.
    select: 'legacy_id, id, email, name, status, timezone, created_at, updated_at',
    fromNew: (v) => {
      const { row } = v as NewUser;
      return {
        fields: {
          id: row.id,
          email: row.email,
          name: row.name,
          status: row.status,
          timezone: row.timezone,
          createdAt: iso(row.createdAt),
          updatedAt: iso(row.updatedAt),
        },
        refs: [],
      };
    },
    fromRow: (r) => ({
      fields: {
        id: r.id,
        email: r.email,
        name: r.name,
        status: r.status,
        timezone: r.timezone,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      },
      refs: [],
    }),
  },
  accounts: {
    table: 'accounts',
    select: 'legacy_id, id, name, plan, storage_limit_bytes, created_at, updated_at',
    fromNew: (v) => {
      const { row } = v as NewAccount;
      return {
        fields: {
          id: row.id,
          name: row.name,
          plan: row.plan,
          storage: row.storageLimitBytes,
          createdAt: iso(row.createdAt),
          updatedAt: iso(row.updatedAt),
        },
        refs: [],
      };
    },
    fromRow: (r) => ({
      fields: {
        id: r.id,
        name: r.name,
        plan: r.plan,
        storage: num(r.storage_limit_bytes),
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      },
      refs: [],
    }),
  },
  teams: {
    table: 'teams',
    select: 'legacy_id, id, account_id, name, created_at, updated_at',
    fromNew: (v) => {
      const { row } = v as NewTeam;
      return {
        fields: {
          id: row.id,
          accountId: row.accountId,
          name: row.name,
          createdAt: iso(row.createdAt),
          updatedAt: iso(row.updatedAt),
        },
        refs: [],
      };
    },
    fromRow: (r) => ({
      fields: {
        id: r.id,
        accountId: r.account_id,
        name: r.name,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      },
      refs: [],
    }),
  },
  projects: {
    table: 'projects',
    select: 'legacy_id, id, team_id, name, private, archived, owner_id, created_at, updated_at',
    fromNew: (v) => {
      const { row } = v as NewProject;
      return {
        fields: {
          id: row.id,
          teamId: row.teamId,
          name: row.name,
          private: row.private,
          archived: row.archived,
          createdAt: iso(row.createdAt),
          updatedAt: iso(row.updatedAt),
        },
        refs: [row.ownerId],
      };
    },
    fromRow: (r) => ({
      fields: {
        id: r.id,
        teamId: r.team_id,
        name: r.name,
        private: r.private,
        archived: r.archived,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      },
      refs: [r.owner_id as string | null],
    }),
  },
  assets: {
    table: 'assets',
    select:
      'legacy_id, id, project_id, name, filetype, filesize, duration, fps, frames, status, label, properties, creator_id, created_at, updated_at',
    fromNew: (v) => {
      const { row } = v as NewAsset;
      return {
        fields: {
          id: row.id,
          projectId: row.projectId,
          name: row.name,
          filetype: row.filetype,
          filesize: row.filesize,
          duration: row.duration,
          fps: row.fps,
          frames: row.frames,
          status: row.status,
          label: row.label,
          properties: row.properties,
          createdAt: iso(row.createdAt),
          updatedAt: iso(row.updatedAt),
        },
        refs: [row.creatorId],
      };
    },
    fromRow: (r) => ({
      fields: {
        id: r.id,
        projectId: r.project_id,
        name: r.name,
        filetype: r.filetype,
        filesize: num(r.filesize),
        duration: num(r.duration),
        fps: num(r.fps),
        frames: num(r.frames),
        status: r.status,
        label: r.label,
        properties: r.properties,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      },
      refs: [r.creator_id as string | null],
    }),
  },
  comments: {
    table: 'comments',
    select:
      'legacy_id, id, asset_id, text, frame, duration_frames, annotation, private, completed_at, deleted_at, author_id, completed_by_id, created_at, updated_at',
    fromNew: (v) => {
      const { row } = v as NewComment;
      return {
        fields: {
          id: row.id,
          assetId: row.assetId,
          text: row.text,
          frame: row.frame,
          durationFrames: row.durationFrames,
          annotation: row.annotation,
          private: row.private,
          completedAt: iso(row.completedAt),
          deletedAt: iso(row.deletedAt),
          createdAt: iso(row.createdAt),
          updatedAt: iso(row.updatedAt),
        },
        refs: [row.authorId, row.completedById],
      };
    },
    fromRow: (r) => ({
      fields: {
        id: r.id,
        assetId: r.asset_id,
        text: r.text,
        frame: num(r.frame),
        durationFrames: num(r.duration_frames),
        annotation: r.annotation ?? null,
        private: r.private,
        completedAt: iso(r.completed_at),
        deletedAt: iso(r.deleted_at),
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      },
      refs: [r.author_id as string | null, r.completed_by_id as string | null],
    }),
  },
  review_links: {
    table: 'review_links',
    select:
      'legacy_id, id, project_id, name, short_code, password_hash, expires_at, active, allow_download, created_by_id, created_at, updated_at',
    fromNew: (v) => {
      const { row } = v as NewReviewLink;
      return {
        fields: {
          id: row.id,
          projectId: row.projectId,
          name: row.name,
          shortCode: row.shortCode,
          passwordHash: row.passwordHash,
          expiresAt: iso(row.expiresAt),
          active: row.active,
          allowDownload: row.allowDownload,
          createdAt: iso(row.createdAt),
          updatedAt: iso(row.updatedAt),
        },
        refs: [row.createdById],
      };
    },
    fromRow: (r) => ({
      fields: {
        id: r.id,
        projectId: r.project_id,
        name: r.name,
        shortCode: r.short_code,
        passwordHash: r.password_hash,
        expiresAt: iso(r.expires_at),
        active: r.active,
        allowDownload: r.allow_download,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      },
      refs: [r.created_by_id as string | null],
    }),
  },
};
