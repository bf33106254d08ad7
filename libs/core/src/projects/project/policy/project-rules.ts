import { MembershipRole, ProjectRole } from '@dailies/db';

// Pure access rules of the projects context; ProjectPolicy applies them to stored data.

/**
 * What a caller may do in a project, weakest first: view; view and comment; change assets (and
 * share them through review links); manage the project itself (settings, collaborators, delete).
 */
export type ProjectAccess = 'viewer' | 'reviewer' | 'editor' | 'manager';

const rank: Record<ProjectAccess, number> = { viewer: 1, reviewer: 2, editor: 3, manager: 4 };

export function atLeast(access: ProjectAccess, needed: ProjectAccess): boolean {
  return rank[access] >= rank[needed];
}

export interface AccessFacts {
  /** The caller's role in the project's account, if a member. */
  accountRole: MembershipRole | null;
  /** The caller belongs to the project's team. */
  teamMember: boolean;
  /** The caller created (owns) the project. */
  projectOwner: boolean;
  /** The caller's collaborator role on this project, if added. */
  collaboratorRole: ProjectRole | null;
  private: boolean;
}

/**
 * The strongest access any of the caller's relations to the project grants, or null (the project
 * does not exist for them). Account owners and admins manage every project of the account; the
 * project's owner manages it; the team's members edit its non-private projects; collaborators
 * have their role, whether or not they belong to the team or account.
 */
export function resolveProjectAccess(facts: AccessFacts): ProjectAccess | null {
  const grants: ProjectAccess[] = [];
  if (facts.accountRole === 'owner' || facts.accountRole === 'admin') grants.push('manager');
  if (facts.projectOwner && facts.accountRole) grants.push('manager');
  if (facts.teamMember && facts.accountRole && !facts.private) grants.push('editor');
  if (facts.collaboratorRole) grants.push(facts.collaboratorRole);
  if (grants.length === 0) return null;
  return grants.reduce((best, g) => (rank[g] > rank[best] ? g : best));
}

/** What a role may do, for messages: "Reviewers can view and comment but not change assets". */
export function describeNeed(needed: ProjectAccess): string {
  switch (needed) {
    case 'manager':
      return 'Only project managers (the project owner, account owners and admins) can do this';
    case 'editor':
      return 'Your role on this project does not allow changing assets';
    case 'reviewer':
      return 'Your role on this project does not allow commenting';
    case 'viewer':
      return 'You cannot view this project';
  }
}
