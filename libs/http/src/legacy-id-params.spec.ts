import { newIdFromHex } from '@dailies/legacy';
import { translateLegacyParams } from './legacy-id-params';

describe('legacy ids in route parameters', () => {
  it('turns the 24-hex legacy ids of users, accounts, teams and projects into their new ids', () => {
    const hex = '5f1c0a2b3c4d5e6f70811223';
    const params = { accountId: hex, teamId: hex, projectId: hex, userId: hex };
    translateLegacyParams(params);
    expect(params).toEqual({
      accountId: newIdFromHex('accounts', hex),
      teamId: newIdFromHex('teams', hex),
      projectId: newIdFromHex('projects', hex),
      userId: newIdFromHex('users', hex),
    });
    expect(params.projectId).not.toBe(params.teamId);
  });

  it('leaves new ids, asset ids and anything else alone', () => {
    const params = {
      projectId: '019a8f3e-1c2d-7e4f-8a9b-0c1d2e3f4a5b',
      assetId: '5f1c0a2b3c4d5e6f70811223',
      userId: 'not-an-id',
    };
    const before = { ...params };
    translateLegacyParams(params);
    expect(params).toEqual(before);
  });
});
