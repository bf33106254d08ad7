import type { ParsedMail } from 'mailparser';
import { TestClient } from './http-client';
import { testMailServer } from './test-platform';

function recipientOf(mail: ParsedMail): string | undefined {
  return mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined;
}

/** How many mails the test platforms received so far (see mailedToken's `after`). */
export async function mailCount(): Promise<number> {
  return (await testMailServer()).received.length;
}

/**
 * The token of the newest mailed link `…/<path>?token=…` to `to`, from the test platforms' SMTP
 * server (waits up to 10 s for it to arrive). `after`: only mails received after the first
 * `after` ones (mailCount() before the action that sends it).
 */
export async function mailedToken(to: string, path: string, after = 0): Promise<string> {
  const server = await testMailServer();
  const pattern = new RegExp(`/${path}\\?token=([\\w-]+)`);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = server.received
      .slice(after)
      .filter((m) => recipientOf(m) === to.toLowerCase())
      .map((m) => pattern.exec(m.text ?? '')?.[1])
      .filter((t): t is string => t !== undefined);
    if (found.length > 0) return found[found.length - 1];
    if (Date.now() > deadline) throw new Error(`no mail with /${path} to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Follows the verification link mailed at sign-up (a no-op for an address already verified). */
export async function verifyEmail(anyClient: TestClient, email: string): Promise<void> {
  const token = await mailedToken(email, 'verify-email');
  const res = await anyClient.post('/v2/auth/verify-email', { token });
  if (res.status !== 200 && res.body?.code !== 'token_invalid')
    throw new Error(`verify-email failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Makes `invitee` a collaborator with consent, as a person outside the account does it: the
 * manager names them by email, the invitee verifies their address and accepts the mailed
 * invitation. Answers like the old direct add did: 201 with the collaborator (or the refusal).
 */
export async function addCollaboratorWithConsent(
  manager: TestClient,
  projectId: string,
  invitee: { client: TestClient; email: string },
  role: string,
): Promise<{ status: number; body: any }> {
  const before = await mailCount();
  const added = await manager.post(`/v2/projects/${projectId}/collaborators`, {
    email: invitee.email,
    role,
  });
  if (added.status !== 202) return added;
  const token = await mailedToken(invitee.email, 'invitations/accept', before);
  await verifyEmail(invitee.client, invitee.email);
  const accepted = await invitee.client.post('/v2/invitations/accept', { token });
  if (accepted.status !== 200) return accepted;
  const list = await manager.get(`/v2/projects/${projectId}/collaborators?limit=100`);
  const collaborator = (list.body.data as { email: string }[]).find(
    (c) => c.email === invitee.email.toLowerCase(),
  );
  return { status: 201, body: collaborator };
}

/** Makes `invitee` a member of the account through an accepted invitation (verifying them first). */
export async function joinAccountWithConsent(
  manager: TestClient,
  accountId: string,
  invitee: { client: TestClient; email: string },
  role: 'admin' | 'member' = 'member',
): Promise<void> {
  const invite = await manager.post(`/v2/accounts/${accountId}/invitations`, {
    email: invitee.email,
    role,
  });
  if (invite.status !== 201)
    throw new Error(`invitation failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  await verifyEmail(invitee.client, invitee.email);
  const accepted = await invitee.client.post('/v2/invitations/accept', {
    token: invite.body.token,
  });
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}
