import bcrypt from 'bcryptjs';
import type { LegacyTableName } from '../definition';
import type { RawItem } from '../values';
import { generateProjectContent } from './fixture-project-content';
import { BASE, NAMES, prng, Random, SPAN, timestamp } from './fixture-random';

/** The password of every generated user (their digests are real bcrypt, `$2a$`, cost 4). */
export const FIXTURE_PASSWORD = 'legacy-pass-2016';

export interface FixtureOptions {
  /** Scale units: each brings ~10 users, 2 accounts, 3 teams, 8 projects, ~500 assets, ~400 comments. */
  scale: number;
  seed?: number;
  /** Share of files whose properties exceed 100 KB. */
  bigPropertiesRatio?: number;
  /** Leave out the dirty records (a clean data set, e.g. for benchmarks of the happy path). */
  clean?: boolean;
}

export interface ExpectedReject {
  table: LegacyTableName;
  legacyId: string;
  reason: string;
}

export interface FixtureSummary {
  counts: Record<LegacyTableName, number>;
  /** Dirty records and the reason each must be rejected with. */
  rejects: ExpectedReject[];
  /** A user who can sign in, and a project and file they can see (for end-to-end checks). */
  login: {
    email: string;
    password: string;
    userLegacyId: string;
    projectLegacyId: string;
    fileLegacyId: string;
  };
  /** Named quirks, for tests: legacy ids of the records that carry them. */
  quirks: Record<string, string[]>;
}

export type Emit = (table: LegacyTableName, item: RawItem) => Promise<void>;

/**
 * A legacy data set with the quirks of SCHEMA.md — every timestamp format, id lists with
 * duplicates and dangling ids, case-variant duplicate emails, soft deletes, broken trees, nested
 * replies, malformed values — emitted table by table as raw records. Deterministic for a seed.
 * Memory stays small whatever the scale: assets, comments and links are emitted per project.
 */
export async function generateFixtures(
  options: FixtureOptions,
  emit: Emit,
): Promise<FixtureSummary> {
  const r = new Random(prng(options.seed ?? 42));
  const dirty = !options.clean;
  const bigRatio = options.bigPropertiesRatio ?? 0.01;
  const digest = bcrypt.hashSync(FIXTURE_PASSWORD, 4).replace(/^\$2b\$/, '$2a$');
  const counts = {
    users: 0,
    accounts: 0,
    teams: 0,
    projects: 0,
    assets: 0,
    comments: 0,
    review_links: 0,
  };
  const rejects: ExpectedReject[] = [];
  const quirks: Record<string, string[]> = {};
  const quirk = (name: string, id: string) => (quirks[name] ??= []).push(id);
  const out = async (table: LegacyTableName, item: RawItem) => {
    counts[table]++;
    await emit(table, item);
  };
  const reject = (table: LegacyTableName, legacyId: string, reason: string) =>
    rejects.push({ table, legacyId, reason });
  const when = () => BASE + r.int(0, SPAN);
  let login: FixtureSummary['login'] | null = null;

  for (let unit = 0; unit < options.scale; unit++) {
    // ---- users ----
    const users: { id: string; created: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const id = r.hex(24);
      const created = when();
      users.push({ id, created });
    }
    const accounts = [r.hex(24), r.hex(24)];
    let firstEmail = '';
    for (const [i, u] of users.entries()) {
      const email = `${r.pick(['ana', 'ben', 'eli', 'fay'])}.${unit}.${i}@studio${unit % 7}.example`;
      if (i === 0) firstEmail = email;
      const item: RawItem = {
        id: u.id,
        email: i === 3 ? email.replace(/^./, (c) => c.toUpperCase()) : email,
        name: r.pick(NAMES),
        password_digest: digest,
        account_ids: JSON.stringify(
          i < 8 ? [accounts[i % 2], ...(i === 0 ? [accounts[1], accounts[1]] : [])] : [],
        ),
        timezone: r.chance(0.5) ? 'null' : r.pick(['Europe/Berlin', 'America/New_York']),
        email_confirmed: String(r.chance(0.9)),
        last_login_at: r.chance(0.2) ? 'null' : timestamp(r, u.created + r.int(0, 1e7)),
        settings: JSON.stringify({
          digest: r.pick(['never', 'daily', 'hourly']),
          notify_mentions: r.chance(0.5),
        }),
        deleted: String(i === 9),
        created_at: timestamp(r, u.created),
        updated_at: timestamp(r, u.created + r.int(0, 1e6)),
      };
      if (i === 3) quirk('email_case_variant', u.id);
      if (i === 9) quirk('deleted_user', u.id);
      await out('users', item);
    }
    if (unit === 0) {
      login = {
        email: firstEmail.toLowerCase(),
        password: FIXTURE_PASSWORD,
        userLegacyId: users[0].id,
        projectLegacyId: '',
        fileLegacyId: '',
      };
    }
    if (dirty) {
      // The same person twice: a case-variant duplicate of user 1's email, never signed in.
      const dup = r.hex(24);
      await out('users', {
        id: dup,
        email: `DUP.${unit}@Studio.Example`,
        name: 'Dup Licate',
        password_digest: digest,
        account_ids: '[]',
        last_login_at: 'null',
        deleted: 'false',
        created_at: timestamp(r, when()),
        updated_at: 'null',
      });
      const first = r.hex(24);
      await out('users', {
        id: first,
        email: `dup.${unit}@studio.example`,
        name: 'Dup Original',
        password_digest: digest,
        account_ids: '[]',
        last_login_at: timestamp(r, when()),
        deleted: 'false',
        created_at: timestamp(r, when()),
        updated_at: timestamp(r, when()),
      });
      reject('users', dup, 'duplicate_email');
      quirk('email_duplicate_winner', first);
      const badTime = r.hex(24);
      await out('users', {
        id: badTime,
        email: `bad.${unit}@x.example`,
        name: 'Bad Time',
        created_at: '2016-13-45T00:00:00Z',
      });
      reject('users', badTime, 'invalid_value');
      const noEmail = r.hex(24);
      await out('users', {
        id: noEmail,
        email: 'null',
        name: 'No Mail',
        created_at: timestamp(r, when()),
      });
      reject('users', noEmail, 'missing_value');
    }

    // ---- accounts ----
    for (const [a, accountId] of accounts.entries()) {
      const members = users.filter((_, i) => i % 2 === a && i < 8).map((u) => u.id);
      // Account 1 lost user 3 from its member list; the user's own account_ids still has it.
      const memberIds = a === 1 ? members.filter((id) => id !== users[3].id) : members;
      await out('accounts', {
        id: accountId,
        name: `${r.pick(['Blue Gate Films', 'Northlight Post', 'Harbor Post'])} ${unit}.${a}`,
        owner_id: a === 1 && dirty ? r.hex(24) : memberIds[0],
        plan: r.pick(['free', 'pro', 'team', 'enterprise']),
        storage_limit: String(r.pick([2147483648, 2147483648000])),
        member_ids: JSON.stringify([...memberIds, memberIds[0], ...(dirty ? [r.hex(24)] : [])]),
        admin_ids: JSON.stringify([memberIds[1] ?? memberIds[0]]),
        team_ids: '[]',
        deleted: 'false',
        created_at: timestamp(r, when()),
        updated_at: timestamp(r, when()),
      });
      if (a === 1 && dirty) quirk('owner_missing', accountId);
    }
    const deletedAccount = r.hex(24);
    if (dirty) {
      await out('accounts', {
        id: deletedAccount,
        name: 'Closed Studio',
        owner_id: users[0].id,
        member_ids: JSON.stringify([users[0].id]),
        deleted: 'true',
        created_at: timestamp(r, when()),
      });
      reject('accounts', deletedAccount, 'soft_deleted');
    }

    // ---- teams ----
    const teams: { id: string; account: string }[] = [
      { id: r.hex(24), account: accounts[0] },
      { id: r.hex(24), account: accounts[0] },
      { id: r.hex(24), account: accounts[1] },
    ];
    for (const t of teams) {
      const members = users
        .filter((_, i) => i < 8 && accounts[i % 2] === t.account)
        .map((u) => u.id);
      await out('teams', {
        id: t.id,
        account_id: t.account,
        name: r.pick(['Sound', 'VFX', 'Marketing', 'Editorial']),
        member_ids: JSON.stringify([...members, ...(dirty ? [users[9].id] : [])]),
        project_ids: '[]',
        deleted: 'false',
        created_at: timestamp(r, when()),
        updated_at: timestamp(r, when()),
      });
    }
    let orphanTeam: string | null = null;
    if (dirty) {
      orphanTeam = r.hex(24);
      await out('teams', {
        id: orphanTeam,
        account_id: deletedAccount,
        name: 'Gone',
        created_at: timestamp(r, when()),
      });
      reject('teams', orphanTeam, 'reference_rejected');
      const lost = r.hex(24);
      await out('teams', {
        id: lost,
        account_id: r.hex(24),
        name: 'Lost',
        created_at: timestamp(r, when()),
      });
      reject('teams', lost, 'dangling_reference');
    }

    // ---- projects, each with its assets, comments and review links ----
    for (let p = 0; p < 8; p++) {
      const team = teams[p % 3];
      const members = users
        .filter((_, i) => i < 8 && accounts[i % 2] === team.account)
        .map((u) => u.id);
      const projectId = r.hex(24);
      const rootId = r.uuid();
      const created = when();
      const noRoot = dirty && p === 1;
      await out('projects', {
        id: projectId,
        team_id: team.id,
        name: `${r.pick(['Feature Trailer', 'Spring Campaign', 'Doc: The River', 'Episode'])} ${unit}.${p}`,
        owner_id: members[0],
        root_asset_id: noRoot ? 'null' : rootId,
        collaborator_ids: JSON.stringify(members.slice(0, 2)),
        reviewer_ids: JSON.stringify(dirty && p === 2 ? [members[1], users[8].id] : [users[8].id]),
        private: String(p === 3),
        archived: String(p === 4),
        deleted_at: 'null',
        created_at: timestamp(r, created),
        updated_at: timestamp(r, created),
      });
      if (noRoot) quirk('project_without_root', projectId);
      await generateProjectContent(r, {
        unit,
        p,
        dirty,
        bigRatio,
        projectId,
        rootId,
        created,
        userIds: [...members, users[8].id],
        out,
        reject,
        quirk,
        onFile: (fileId) => {
          if (login && !login.fileLegacyId && unit === 0) {
            login.projectLegacyId = projectId;
            login.fileLegacyId = fileId;
          }
        },
      });
    }
    if (dirty) {
      const deletedProject = r.hex(24);
      await out('projects', {
        id: deletedProject,
        team_id: teams[0].id,
        name: 'Deleted',
        deleted_at: timestamp(r, when()),
        created_at: timestamp(r, when()),
      });
      reject('projects', deletedProject, 'soft_deleted');
      const orphanProject = r.hex(24);
      await out('projects', {
        id: orphanProject,
        team_id: orphanTeam ?? r.hex(24),
        name: 'Orphan',
        created_at: timestamp(r, when()),
      });
      reject('projects', orphanProject, 'reference_rejected');
      // An asset of the deleted project, and a comment on it: rejected in cascade.
      const ghost = r.uuid();
      await out('assets', {
        id: ghost,
        project_id: deletedProject,
        parent_id: 'null',
        type: 'folder',
        name: 'ghost',
        created_at: timestamp(r, when()),
      });
      reject('assets', ghost, 'reference_rejected');
      const ghostComment = r.uuid();
      await out('comments', {
        id: ghostComment,
        asset_id: ghost,
        owner_id: users[0].id,
        text: 'boo',
        created_at: timestamp(r, when()),
      });
      reject('comments', ghostComment, 'reference_rejected');
      const badId = 'NOT-A-UUID';
      if (unit === 0) {
        await out('comments', {
          id: badId,
          asset_id: r.uuid(),
          text: 'bad id',
          created_at: timestamp(r, when()),
        });
        reject('comments', badId, 'invalid_id');
      }
    }
  }
  // The login user: user 0 of unit 0, owner of account 0 (manages its teams' projects).
  if (!login) throw new Error('scale must be at least 1');
  return { counts, rejects, login, quirks };
}
