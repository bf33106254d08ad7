import { MembershipRole } from '@dailies/db';

// Pure access rules of the accounts context; the policy service applies them to stored data.

export function canManageAccount(role: MembershipRole): boolean {
  return role === 'owner' || role === 'admin';
}

export type RoleChangeVerdict = 'allowed' | 'transfer_ownership' | { refused: string };

/** May `actorRole` (acting on someone else) move a member from `from` to `to`? */
export function judgeRoleChange(
  actorRole: MembershipRole,
  from: MembershipRole,
  to: MembershipRole,
): RoleChangeVerdict {
  if (!canManageAccount(actorRole)) return { refused: 'Only owners and admins can change roles' };
  if (from === 'owner')
    return { refused: "The owner's role changes only by transferring ownership" };
  if (to === 'owner') {
    return actorRole === 'owner'
      ? 'transfer_ownership'
      : { refused: 'Only the owner can transfer ownership' };
  }
  return 'allowed';
}

/** May `actorRole` remove a member whose role is `targetRole`? (`self` when leaving.) */
export function judgeRemoval(
  actorRole: MembershipRole,
  targetRole: MembershipRole,
  self: boolean,
): 'allowed' | 'owner' | 'refused' {
  if (targetRole === 'owner') return 'owner';
  if (self) return 'allowed';
  return canManageAccount(actorRole) ? 'allowed' : 'refused';
}
