import { addAsset, HttpSuite, newProjectOf } from './http-suite';
import { SignedUpUser } from './fixtures';

/** Helpers of the asset specs, acting as the suite's owner unless told otherwise. */
export function assetsKit(s: HttpSuite) {
  const newProject = (user: SignedUpUser = s.owner, name = 'Feature film') =>
    newProjectOf(user, name);
  const add = (parentId: string, body: Record<string, unknown>, user: SignedUpUser = s.owner) =>
    addAsset(user, parentId, body);
  const childNames = async (parentId: string, query = '') => {
    const res = await s.owner.client.get(`/v2/assets/${parentId}/children${query}`);
    expect(res.status).toBe(200);
    return res.body.data.map((a: { name: string }) => a.name);
  };
  /** Follows nextCursor to the end; the names seen and the number of pages. */
  const pageThrough = async (path: string) => {
    const names: string[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const page: {
        status: number;
        body: { data: { name: string }[]; nextCursor: string | null };
      } = await s.owner.client.get(`${path}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      names.push(...page.body.data.map((a) => a.name));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    return { names, pages };
  };
  const eventsOf = async (subjectId: string) =>
    (
      await s.db.query<{ name: string; payload: Record<string, unknown> }>(
        'SELECT name, payload FROM events WHERE subject_id = $1 ORDER BY position',
        [subjectId],
      )
    ).rows;
  return { newProject, add, childNames, pageThrough, eventsOf };
}
