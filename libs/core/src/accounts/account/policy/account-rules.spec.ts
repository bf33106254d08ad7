import { canManageAccount, judgeRemoval, judgeRoleChange } from './account-rules';

describe('account rules', () => {
  it('lets owners and admins manage, not members', () => {
    expect(canManageAccount('owner')).toBe(true);
    expect(canManageAccount('admin')).toBe(true);
    expect(canManageAccount('member')).toBe(false);
  });

  it('judges role changes', () => {
    expect(judgeRoleChange('admin', 'member', 'admin')).toBe('allowed');
    expect(judgeRoleChange('member', 'member', 'admin')).toEqual({ refused: expect.any(String) });
    expect(judgeRoleChange('admin', 'owner', 'member')).toEqual({
      refused: expect.stringMatching(/transferring/),
    });
    expect(judgeRoleChange('owner', 'admin', 'owner')).toBe('transfer_ownership');
    expect(judgeRoleChange('admin', 'member', 'owner')).toEqual({
      refused: expect.stringMatching(/Only the owner/),
    });
  });

  it('never removes the owner, lets anyone leave, lets managers remove', () => {
    expect(judgeRemoval('owner', 'owner', true)).toBe('owner');
    expect(judgeRemoval('admin', 'owner', false)).toBe('owner');
    expect(judgeRemoval('member', 'member', true)).toBe('allowed');
    expect(judgeRemoval('member', 'admin', false)).toBe('refused');
    expect(judgeRemoval('admin', 'admin', false)).toBe('allowed');
  });
});
