import type { LegacyTableName } from '../definition';
import type { RawItem } from '../values';
import { FILETYPES, properties, Random, TEXTS, timestamp } from './fixture-random';

// One project's assets (trees, stacks, broken parents), comments and review links, emitted as
// raw legacy records with their quirks; called by generateFixtures once per project.

export interface ProjectContext {
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

export async function generateProjectContent(r: Random, c: ProjectContext): Promise<void> {
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
