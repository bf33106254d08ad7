import { HttpResult, TestClient } from './http-client';
import { verifyEmail } from './mail-links';

export interface SignUpBody {
  email: string;
  password: string;
  name: string;
  accountName?: string;
  timezone?: string;
}

/** What a test usually needs of a new user: their session, user and the account sign-up made. */
export interface SignedUpSession {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  user: { id: string; email: string; name: string };
  accountId: string;
  teamId: string;
}

/**
 * Signs up as a person does — `POST /v2/auth/signup` (202, the same answer for a taken address),
 * optionally follows the mailed verification link, then logs in — and finds the account and team
 * sign-up created. Answers 201 with a SignedUpSession, or the refusal of sign-up or log-in.
 */
export async function signUpAndLogIn(
  client: TestClient,
  body: SignUpBody,
  options: { verified?: boolean; ip?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<SignedUpSession>> {
  const anon = client.as(undefined);
  const signUp = await anon.post('/v2/auth/signup', body, options.headers);
  if (signUp.status !== 202) return signUp;
  if (options.verified) await verifyEmail(anon, body.email);
  const headers: Record<string, string> = options.ip ? { 'x-forwarded-for': options.ip } : {};
  const logIn = await anon.post(
    '/v2/auth/login',
    { email: body.email, password: body.password },
    headers,
  );
  if (logIn.status !== 200) return logIn;
  const me = await anon.as(logIn.body.accessToken).get('/v2/me');
  const accountId = me.body.accounts[0].id as string;
  const teams = await anon.as(logIn.body.accessToken).get(`/v2/accounts/${accountId}/teams`);
  return {
    status: 201,
    headers: logIn.headers,
    body: {
      accessToken: logIn.body.accessToken,
      refreshToken: logIn.body.refreshToken,
      sessionId: logIn.body.sessionId,
      user: logIn.body.user,
      accountId,
      teamId: teams.body.data[0].id as string,
    },
  };
}
