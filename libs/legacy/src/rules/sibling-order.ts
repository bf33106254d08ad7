/** Sibling order in the new schema: sparse integers, 1024 apart. */
export const SORT_ORDER_STEP = 1024;

export interface ChildFacts {
  id: string;
  createdAt: Date;
}

/**
 * SCHEMA.md's rule for `child_ids`: the list gives the order of a folder's or stack's children;
 * children (records whose parent is this one) missing from the list come after the listed ones,
 * oldest first (then by id, so the order is total); ids in the list that are not children are
 * ignored, and so are repeats. Returns the children's ids in order.
 */
export function orderChildren(
  childIds: readonly string[],
  children: readonly ChildFacts[],
): string[] {
  const byId = new Map(children.map((c) => [c.id, c]));
  const placed = new Set<string>();
  const ordered: string[] = [];
  for (const id of childIds) {
    if (byId.has(id) && !placed.has(id)) {
      placed.add(id);
      ordered.push(id);
    }
  }
  const rest = children
    .filter((c) => !placed.has(c.id))
    .sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  return [...ordered, ...rest.map((c) => c.id)];
}

/** sort_order values for children in that order: 1024, 2048, … */
export function sortOrders(orderedIds: readonly string[]): Map<string, number> {
  return new Map(orderedIds.map((id, i) => [id, (i + 1) * SORT_ORDER_STEP]));
}
