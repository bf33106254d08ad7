import bcrypt from 'bcryptjs';
import type { LegacyTableName } from '../definition';
import type { RawItem } from '../values';

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

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[Math.floor(this.next() * 4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0)
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}

const BASE = Date.UTC(2014, 0, 1) / 1000;
const SPAN = Date.UTC(2017, 11, 1) / 1000 - BASE;

/** SCHEMA.md rule 3: one instant, in one of the store's formats. */
function timestamp(r: Random, seconds: number): string {
  switch (r.int(0, 2)) {
    case 0:
      return String(seconds);
    case 1:
      return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
    default:
      return new Date(seconds * 1000 + r.int(0, 999)).toISOString();
  }
}

const NAMES = [
  'Ana Lima',
  'Ben Ode',
  'Chloé Müller',
  'Dev Patel',
  'Eli 🎬 Cohen',
  'Fay Wong',
  'Gus Grant',
  'Hana Sato',
];
const TEXTS = [
  'Color is too warm here',
  'Love this take 👏',
  'Über-gut — zwei Frames früher?',
  'Trim the head by 12 frames',
  'Audio pops at 00:42',
];
const FILETYPES = ['video/mp4', 'video/quicktime', 'image/png', 'audio/wav'];

function properties(r: Random, big: boolean): string {
  const transcodes = [];
  const count = big ? r.int(900, 1300) : r.int(2, 40);
  for (let i = 0; i < count; i++) {
    transcodes.push({
      profile: r.pick(['h264_360', 'h264_540', 'h264_720', 'h264_1080_best']),
      url: `s3://legacy-media/${r.uuid()}`,
      bytes: r.int(1_000_000, 900_000_000),
    });
  }
  return JSON.stringify({
    codec: r.pick(['h264', 'hevc', 'prores']),
    bitrate: r.int(1e6, 5e7),
    transcodes,
  });
}

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

interface ProjectContext {
  unit: number;
  p: number;
  dirty: boolean;
  bigRatio: number;
  projectId: string;
  rootId: string;
  created: number;
  userIds: string[];
  out: (table: LegacyTableName, item: RawItem) => Promise<void>;
  reject: (table: LegacyTableName, legacyId: string, reason: string) => void;
  quirk: (name: string, id: string) => void;
  onFile: (id: string) => void;
}

interface AssetDraft {
  item: RawItem;
  children: string[];
}

async function generateProjectContent(r: Random, c: ProjectContext): Promise<void> {
  const drafts = new Map<string, AssetDraft>();
  const asset = (
    id: string,
    parent: string | null,
    type: string,
    name: string,
    created: number,
    extra: RawItem = {},
  ) => {
    const isFile = type === 'file';
    const item: RawItem = {
      id,
      project_id: c.projectId,
      parent_id: parent ?? 'null',
      type,
      name,
      filetype: isFile ? r.pick(FILETYPES) : 'null',
      filesize: isFile ? String(r.int(1_000, 50_000_000_000)) : '0',
      duration: isFile ? (r.int(1000, 600000) / 1000).toFixed(3) : 'null',
      fps: isFile ? r.pick(['23.976', '24', '25', '29.97', '59.94']) : 'null',
      frames: isFile ? String(r.int(10, 40000)) : 'null',
      status: r.pick(['uploading', 'transcoding', 'ready', 'ready', 'ready', 'failed']),
      label: r.pick(['none', 'in_progress', 'needs_review', 'approved']),
      creator_id: r.pick(c.userIds),
      version: '1',
      child_ids: '[]',
      properties: isFile ? properties(r, r.chance(c.bigRatio)) : '{}',
      deleted_at: 'null',
      created_at: timestamp(r, created),
      updated_at: timestamp(r, created + r.int(0, 1e5)),
      ...extra,
    };
    drafts.set(id, { item, children: [] });
    if (parent && drafts.has(parent)) drafts.get(parent)?.children.push(id);
    return id;
  };
  let t = c.created;
  const tick = () => (t += r.int(1, 5000));
  const root = asset(c.rootId, null, 'folder', 'root', tick());
  const folders = [root];
  for (let f = 0; f < 5; f++)
    folders.push(asset(r.uuid(), r.pick(folders), 'folder', `A00${f}_C00${r.int(10, 99)}`, tick()));
  const files: string[] = [];
  for (let i = 0; i < 45; i++)
    files.push(asset(r.uuid(), r.pick(folders), 'file', `Shot_${c.p}_${i}.mov`, tick()));
  // Version stacks: a stack in a folder with 2-4 file versions.
  const stacks: string[] = [];
  for (let s = 0; s < 2; s++) {
    const stack = asset(r.uuid(), r.pick(folders), 'version_stack', `Cut ${s}`, tick());
    stacks.push(stack);
    const n = r.int(2, 4);
    for (let v = 1; v <= n; v++)
      asset(r.uuid(), stack, 'file', `Cut ${s} v${v}.mp4`, tick(), { version: String(v) });
  }
  for (const f of files.slice(0, 1)) c.onFile(f);

  if (c.dirty) {
    // A folder and its child listed in the wrong order, a duplicate and a stranger in child_ids.
    const folder = folders[1];
    const draft = drafts.get(folder);
    if (draft)
      draft.children = [...draft.children.reverse(), draft.children[0] ?? r.uuid(), files[0]];
    // Children missing from their parent's list: they come after the listed ones, oldest first.
    const unlisted = asset(r.uuid(), null, 'file', 'Unlisted.mov', tick(), {
      parent_id: folders[2],
    });
    c.quirk('unlisted_child', unlisted);
    // A parent cycle: two folders that are each other's parent.
    const a = r.uuid();
    const b = r.uuid();
    asset(a, null, 'folder', 'Loop A', tick(), { parent_id: b });
    asset(b, null, 'folder', 'Loop B', tick(), { parent_id: a });
    c.quirk('parent_cycle', a);
    c.quirk('parent_cycle', b);
    // A deleted folder whose child was not marked: the child is trashed with it.
    const trashed = asset(r.uuid(), root, 'folder', 'Old', tick(), {
      deleted_at: timestamp(r, tick()),
    });
    const inside = asset(r.uuid(), trashed, 'file', 'Old take.mov', tick());
    c.quirk('trash_inherited', inside);
    // A stack whose versions are numbered 1 and 3, and one with no versions at all.
    const gappy = asset(r.uuid(), root, 'version_stack', 'Gappy', tick());
    asset(r.uuid(), gappy, 'file', 'g1.mp4', tick(), { version: '1' });
    asset(r.uuid(), gappy, 'file', 'g3.mp4', tick(), { version: '3' });
    c.quirk('versions_gap', gappy);
    const empty = asset(r.uuid(), root, 'version_stack', 'Empty stack', tick());
    c.quirk('empty_stack', empty);
    // A second parentless folder: it moves under the root.
    c.quirk('extra_root', asset(r.uuid(), null, 'folder', 'Stray root', tick()));
    // Malformed values.
    const badSize = asset(r.uuid(), root, 'file', 'Bad size.mov', tick(), { filesize: '12.5' });
    c.reject('assets', badSize, 'invalid_value');
    const badList = asset(r.uuid(), root, 'folder', 'Bad list', tick(), { child_ids: '["abc' });
    c.reject('assets', badList, 'invalid_value');
    const dangling = r.uuid();
    drafts.set(dangling, {
      item: {
        id: dangling,
        project_id: r.hex(24),
        parent_id: 'null',
        type: 'file',
        name: 'Nowhere',
        created_at: timestamp(r, tick()),
      },
      children: [],
    });
    c.reject('assets', dangling, 'dangling_reference');
  }

  for (const draft of drafts.values()) {
    const item = { ...draft.item };
    if (item.child_ids === '[]' && draft.children.length > 0)
      item.child_ids = JSON.stringify(draft.children);
    await c.out('assets', item);
  }

  // ---- comments ----
  const commentable = files.slice(0, 30);
  const tops: { id: string; asset: string }[] = [];
  for (const fileId of commentable) {
    const id = r.uuid();
    const completed = r.chance(0.3);
    await c.out('comments', {
      id,
      asset_id: fileId,
      owner_id: r.pick(c.userIds),
      text: r.pick(TEXTS),
      timestamp: r.chance(0.7) ? String(r.int(0, 20000)) : 'null',
      duration: r.chance(0.1) ? String(r.int(1, 200)) : 'null',
      annotation: r.chance(0.2)
        ? JSON.stringify({ tool: 'pen', points: [[r.int(0, 1920), r.int(0, 1080)]] })
        : 'null',
      parent_id: 'null',
      completed: String(completed),
      completed_by: completed ? r.pick(c.userIds) : 'null',
      completed_at: completed && r.chance(0.5) ? timestamp(r, tick()) : 'null',
      like_ids: JSON.stringify([
        ...r.sample(c.userIds, r.int(0, 3)),
        ...(c.dirty ? [r.hex(24)] : []),
      ]),
      private: String(r.chance(0.1)),
      deleted: String(r.chance(0.03)),
      created_at: timestamp(r, tick()),
      updated_at: timestamp(r, tick()),
    });
    tops.push({ id, asset: fileId });
  }
  const replies: string[] = [];
  for (const top of tops.slice(0, 10)) {
    const id = r.uuid();
    replies.push(id);
    await c.out('comments', {
      id,
      asset_id: top.asset,
      owner_id: r.pick(c.userIds),
      text: 'Agreed',
      parent_id: top.id,
      like_ids: '[]',
      created_at: timestamp(r, tick()),
      updated_at: timestamp(r, tick()),
    });
  }
  if (c.dirty) {
    const nested = r.uuid();
    await c.out('comments', {
      id: nested,
      asset_id: tops[0].asset,
      text: 'Reply to a reply',
      parent_id: replies[0],
      created_at: timestamp(r, tick()),
    });
    c.quirk('nested_reply', nested);
    const orphanReply = r.uuid();
    await c.out('comments', {
      id: orphanReply,
      asset_id: tops[1].asset,
      text: 'Parent gone',
      parent_id: r.uuid(),
      created_at: timestamp(r, tick()),
    });
    c.quirk('orphan_reply', orphanReply);
    const badAnnotation = r.uuid();
    await c.out('comments', {
      id: badAnnotation,
      asset_id: tops[2].asset,
      text: 'x',
      annotation: '{"tool":',
      created_at: timestamp(r, tick()),
    });
    c.reject('comments', badAnnotation, 'invalid_value');
    const noAsset = r.uuid();
    await c.out('comments', {
      id: noAsset,
      asset_id: r.uuid(),
      text: 'where?',
      created_at: timestamp(r, tick()),
    });
    c.reject('comments', noAsset, 'dangling_reference');
  }

  // ---- review links ----
  const code = `${c.unit.toString(36)}${c.p}${r.hex(4)}`;
  const linkId = r.uuid();
  await c.out('review_links', {
    id: linkId,
    project_id: c.projectId,
    name: 'Review 1',
    short_code: code,
    password_digest: 'null',
    expires_at: r.chance(0.5) ? 'null' : timestamp(r, tick()),
    active: 'true',
    allow_download: String(r.chance(0.5)),
    item_ids: JSON.stringify([files[1], files[2], ...(c.dirty ? [r.uuid()] : [])]),
    created_by: c.userIds[0],
    created_at: timestamp(r, c.created + 10),
    updated_at: timestamp(r, c.created + 10),
  });
  if (c.dirty) {
    const copy = r.uuid();
    await c.out('review_links', {
      id: copy,
      project_id: c.projectId,
      name: 'Review again',
      short_code: code,
      item_ids: '[]',
      created_at: timestamp(r, c.created + 20),
    });
    c.reject('review_links', copy, 'duplicate_short_code');
  }
}
