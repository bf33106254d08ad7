import { signUpAndLogIn, TestClient } from '@dailies/platform/testing';

let counter = 0;

export interface SignedUpUser {
  client: TestClient;
  userId: string;
  accountId: string;
  teamId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * Signs up a fresh user (own account and default team) and returns a client acting as them. The
 * address is verified through the mailed link unless `verified: false`.
 */
export async function signUp(
  anonymous: TestClient,
  name = 'User',
  options: { verified?: boolean } = {},
): Promise<SignedUpUser> {
  counter += 1;
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${counter}-${Date.now()}@example.com`;
  const password = 'a-long-enough-password';
  const res = await signUpAndLogIn(
    anonymous,
    { email, password, name },
    { verified: options.verified !== false },
  );
  if (res.status !== 201)
    throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    client: anonymous.as(res.body.accessToken),
    userId: res.body.user.id,
    accountId: res.body.accountId,
    teamId: res.body.teamId,
    email,
    password,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
  };
}
