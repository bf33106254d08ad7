import { AccessFacts, atLeast, resolveProjectAccess } from './project-rules';

const none: AccessFacts = {
  accountRole: null,
  teamMember: false,
  projectOwner: false,
  collaboratorRole: null,
  private: false,
};

describe('project access rules', () => {
  it('gives account owners and admins management of every project, private or not', () => {
    expect(resolveProjectAccess({ ...none, accountRole: 'owner', private: true })).toBe('manager');
    expect(resolveProjectAccess({ ...none, accountRole: 'admin' })).toBe('manager');
  });

  it('lets team members edit non-private projects only', () => {
    const member = { ...none, accountRole: 'member' as const, teamMember: true };
    expect(resolveProjectAccess(member)).toBe('editor');
    expect(resolveProjectAccess({ ...member, private: true })).toBeNull();
  });

  it('hides projects from account members outside the team', () => {
    expect(resolveProjectAccess({ ...none, accountRole: 'member' })).toBeNull();
  });

  it('gives collaborators their role even outside the account', () => {
    expect(resolveProjectAccess({ ...none, collaboratorRole: 'reviewer', private: true })).toBe(
      'reviewer',
    );
    expect(resolveProjectAccess({ ...none, collaboratorRole: 'viewer' })).toBe('viewer');
  });

  it('takes the strongest grant', () => {
    expect(
      resolveProjectAccess({
        ...none,
        accountRole: 'member',
        teamMember: true,
        collaboratorRole: 'viewer',
      }),
    ).toBe('editor');
    expect(
      resolveProjectAccess({ ...none, accountRole: 'member', projectOwner: true, private: true }),
    ).toBe('manager');
  });

  it('does not keep a former member managing the project they created', () => {
    expect(resolveProjectAccess({ ...none, projectOwner: true })).toBeNull();
  });

  it('orders access levels', () => {
    expect(atLeast('editor', 'reviewer')).toBe(true);
    expect(atLeast('reviewer', 'editor')).toBe(false);
    expect(atLeast('manager', 'manager')).toBe(true);
  });
});
