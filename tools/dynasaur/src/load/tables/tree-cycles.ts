export interface ParentLink {
  id: string;
  parentId: string;
}

/**
 * Among nodes that their roots do not reach, the ones on a parent cycle (every unreachable node
 * is on a cycle or below one). Deterministic: the result depends only on the links.
 */
export function findCycleMembers(links: readonly ParentLink[]): string[] {
  const parent = new Map(links.map((l) => [l.id, l.parentId]));
  const state = new Map<string, 'active' | 'done'>();
  const members = new Set<string>();
  for (const start of [...parent.keys()].sort()) {
    const path: string[] = [];
    let node: string | undefined = start;
    while (node !== undefined && parent.has(node) && !state.has(node)) {
      state.set(node, 'active');
      path.push(node);
      node = parent.get(node);
    }
    if (node !== undefined && state.get(node) === 'active') {
      // The walk came back to a node of this path: from there on, the path is the cycle.
      for (let i = path.indexOf(node); i < path.length; i++) members.add(path[i]);
    }
    for (const n of path) state.set(n, 'done');
  }
  return [...members].sort();
}
