import {
  formatTimestamp,
  LEGACY_TABLES,
  LegacyNewSide,
  LegacyTableName,
  orderChildren,
  parseTimestamp,
  RawItem,
  servedRecord,
} from '@dailies/legacy';
import { MigratedPlatform } from './migrated-platform';

// What the Munger must serve for each migrated legacy record — the rules of the golden tests
// (apps/munger/src/migrated.integration-spec.ts): the canonical form of the source record, lists
// as the current truth from the source data and SCHEMA.md's rules, and the attributes a
// documented cross-record repair changes, left out with the repair named.

type Table = LegacyTableName;

const JSON_ATTRIBUTES = new Set(['properties', 'settings', 'annotation']);
/** Lists whose order carries meaning (SCHEMA.md: child_ids is an order; link items are shown in order). */
const ORDERED_LISTS = new Set(['child_ids', 'item_ids']);
const LIST_ATTRIBUTES = new Set([
  'account_ids',
  'member_ids',
  'admin_ids',
  'team_ids',
  'project_ids',
  'collaborator_ids',
  'reviewer_ids',
  'child_ids',
  'like_ids',
  'item_ids',
]);
/** Single references to users that a migration drops when the user did not migrate. */
const USER_REFS: Partial<Record<Table, string[]>> = {
  accounts: ['owner_id'],
  projects: ['owner_id'],
  assets: ['creator_id'],
  comments: ['owner_id', 'completed_by'],
  review_links: ['created_by'],
};

export const list = (value: string | undefined): string[] =>
  value && value !== 'null' && value !== '' ? (JSON.parse(value) as string[]) : [];
/**
 * The golden rules over one migrated data set. `platform` is read when a rule runs (the suite's
 * beforeAll starts it); `signedIn` holds the users the suite signed in (their last login moved).
 */
export function goldenRules(platform: () => MigratedPlatform, signedIn: ReadonlySet<string>) {
  const migrated = (table: Table, id: string) =>
    platform().source[table].has(id) && !platform().rejected[table].has(id);

  // ---- the current truth of lists, from the source data and SCHEMA.md's rules ----

  const migratedIds = (table: Table, ids: string[]) => ids.filter((id) => migrated(table, id));
  const accountMembers = (accountId: string): Set<string> => {
    const a = platform().source.accounts.get(accountId);
    const members = new Set<string>();
    if (!a) return members;
    for (const id of [...list(a.member_ids), ...list(a.admin_ids), a.owner_id]) members.add(id);
    for (const [id, u] of platform().source.users)
      if (list(u.account_ids).includes(accountId)) members.add(id);
    return new Set(migratedIds('users', [...members]));
  };
  /** Source assets that end up trashed: deleted themselves or inside a deleted folder. */
  const trashed = (id: string): boolean => {
    for (let at = platform().source.assets.get(id), hops = 0; at && hops < 100; hops++) {
      if (at.deleted_at && at.deleted_at !== 'null' && at.parent_id !== 'null') return true;
      at = platform().source.assets.get(at.parent_id);
    }
    return false;
  };
  const quirk = (name: string) => new Set(platform().fixtures.quirks[name] ?? []);

  /** What /v1 must serve for a source record: [expected attributes, attributes left out and why]. */
  function expected(
    table: Table,
    raw: RawItem,
  ): { record: RawItem; skipped: Record<string, string> } {
    const definition = LEGACY_TABLES[table] as unknown as {
      parse(r: RawItem): { ok: true; value: unknown } | { ok: false };
      toNew(v: unknown): LegacyNewSide[typeof table];
    };
    const parsed = definition.parse(raw);
    if (!parsed.ok) throw new Error(`${table} ${raw.id} did not parse but migrated`);
    const record = servedRecord(table, definition.toNew(parsed.value));
    const skipped: Record<string, string> = {};
    for (const ref of USER_REFS[table] ?? []) {
      if (record[ref] !== 'null' && !migrated('users', record[ref])) {
        record[ref] = 'null'; // REPAIRS.optional_reference_dropped
      }
    }
    const set = (name: string, ids: string[]) => (record[name] = JSON.stringify(ids));
    switch (table) {
      case 'users': {
        const accounts = [...platform().source.accounts.keys()].filter(
          (a) => migrated('accounts', a) && accountMembers(a).has(raw.id),
        );
        set('account_ids', accounts); // REPAIRS.membership_from_user_list
        if (signedIn.has(raw.id)) skipped.last_login_at = 'signed in during this test';
        break;
      }
      case 'accounts': {
        set('member_ids', [...accountMembers(raw.id)]);
        set(
          'admin_ids',
          migratedIds('users', list(raw.admin_ids)).filter((id) => id !== raw.owner_id),
        );
        set(
          'team_ids',
          [...platform().source.teams.values()]
            .filter((t) => t.account_id === raw.id && migrated('teams', t.id))
            .map((t) => t.id),
        );
        if (quirk('owner_missing').has(raw.id)) {
          skipped.owner_id = 'REPAIRS.owner_promoted';
          skipped.admin_ids = 'REPAIRS.owner_promoted (the promoted admin is the owner now)';
        }
        break;
      }
      case 'teams': {
        const members = accountMembers(raw.account_id);
        // REPAIRS.team_member_not_in_account, list_entry_dropped
        set(
          'member_ids',
          migratedIds('users', list(raw.member_ids)).filter((id) => members.has(id)),
        );
        set(
          'project_ids',
          [...platform().source.projects.values()]
            .filter((p) => p.team_id === raw.id && migrated('projects', p.id))
            .map((p) => p.id),
        );
        break;
      }
      case 'projects': {
        const editors = migratedIds('users', list(raw.collaborator_ids));
        set('collaborator_ids', editors);
        // REPAIRS.collaborator_both_roles
        set(
          'reviewer_ids',
          migratedIds('users', list(raw.reviewer_ids)).filter((id) => !editors.includes(id)),
        );
        if (quirk('project_without_root').has(raw.id)) {
          skipped.root_asset_id = 'REPAIRS.project_root_chosen';
        }
        break;
      }
      case 'assets': {
        const children = [...platform().source.assets.values()]
          .filter((c) => c.parent_id === raw.id && migrated('assets', c.id) && !trashed(c.id))
          .map((c) => ({ id: c.id, createdAt: parseTimestamp(c.created_at) ?? new Date(0) }));
        set('child_ids', orderChildren(list(raw.child_ids), children));
        const dirtyTree = quirk('extra_root').size > 0 || quirk('parent_cycle').size > 0;
        // A project's root (its root_asset_id, or the folder chosen when it had none).
        if (raw.parent_id === 'null' && dirtyTree) {
          skipped.child_ids = 'REPAIRS.asset_reparented_to_root (strays join the root)';
        }
        if (quirk('parent_cycle').has(raw.id) || quirk('extra_root').has(raw.id)) {
          skipped.parent_id = 'REPAIRS.asset_reparented_to_root';
          skipped.child_ids = 'REPAIRS.asset_reparented_to_root';
        }
        if (quirk('empty_stack').has(raw.id)) skipped.type = 'REPAIRS.empty_stack_to_folder';
        if (quirk('versions_gap').has(raw.parent_id))
          skipped.version = 'REPAIRS.versions_renumbered';
        if (quirk('trash_inherited').has(raw.id)) {
          // REPAIRS.trash_inherited: the deleted_at of the trashed folder.
          const parent = platform().source.assets.get(raw.parent_id);
          record.deleted_at = formatTimestamp(parseTimestamp(parent?.deleted_at ?? ''));
        }
        break;
      }
      case 'comments': {
        set('like_ids', migratedIds('users', list(raw.like_ids)));
        if (quirk('nested_reply').has(raw.id)) skipped.parent_id = 'REPAIRS.reply_flattened';
        if (quirk('orphan_reply').has(raw.id)) skipped.parent_id = 'REPAIRS.reply_detached';
        break;
      }
      case 'review_links': {
        set(
          'item_ids',
          migratedIds('assets', list(raw.item_ids)).filter((id) => !trashed(id)),
        );
        break;
      }
    }
    for (const name of Object.keys(skipped)) delete record[name];
    return { record, skipped };
  }

  /** Why a migrated record is not served to anyone, or null when it must be. */
  function notServedBecause(table: Table, raw: RawItem): string | null {
    if (table === 'comments' && raw.deleted === 'true') {
      return 'deleted comments are absent from lists and no /v1 route reads a comment by id';
    }
    if (table === 'users') {
      const shares =
        [...platform().source.accounts.keys()].some(
          (a) => migrated('accounts', a) && accountMembers(a).has(raw.id),
        ) ||
        [...platform().source.projects.values()].some(
          (p) =>
            migrated('projects', p.id) &&
            [...list(p.collaborator_ids), ...list(p.reviewer_ids)].includes(raw.id),
        );
      if (!shares) return 'shares no account or project with anyone, so /v1 shows them to no one';
    }
    if (table === 'review_links' && raw.expires_at !== 'null') {
      const expires = parseTimestamp(raw.expires_at);
      if (expires && expires <= new Date()) return 'expired: the link answers not_found';
    }
    return null;
  }

  function compare(table: Table, id: string, got: RawItem, want: RawItem): string[] {
    const problems: string[] = [];
    for (const [name, value] of Object.entries(want)) {
      const actual = got[name];
      let same: boolean;
      if (JSON_ATTRIBUTES.has(name)) {
        same =
          actual !== undefined &&
          JSON.stringify(value === 'null' ? null : JSON.parse(value)) ===
            JSON.stringify(
              actual === 'null' ? null : sortKeysLike(JSON.parse(actual), JSON.parse(value)),
            );
      } else if (LIST_ATTRIBUTES.has(name) && !ORDERED_LISTS.has(name)) {
        same = JSON.stringify(list(actual).sort()) === JSON.stringify(list(value).sort());
      } else {
        same = actual === value;
      }
      if (!same) problems.push(`${table} ${id} ${name}: served ${actual}, legacy ${value}`);
    }
    return problems;
  }

  return { migrated, expected, notServedBecause, compare, accountMembers };
}

/** JSON with the key order of `like` where both have the key (jsonb reorders keys). */
function sortKeysLike(value: unknown, like: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((v, i) => sortKeysLike(v, Array.isArray(like) ? like[i] : undefined));
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const order =
      like && typeof like === 'object' && !Array.isArray(like)
        ? Object.keys(like as Record<string, unknown>)
        : [];
    const keys = [
      ...order.filter((k) => k in obj),
      ...Object.keys(obj).filter((k) => !order.includes(k)),
    ];
    return Object.fromEntries(
      keys.map((k) => [
        k,
        sortKeysLike(obj[k], (like as Record<string, unknown> | undefined)?.[k]),
      ]),
    );
  }
  return value;
}
