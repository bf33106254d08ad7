import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import type { INestApplicationContext } from '@nestjs/common';
import { CreateStaffUserCommand } from '@dailies/core';
import { JobsEngine } from '@dailies/jobs';

let counter = 0;

async function api(baseUrl: string, method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export interface SupportScene {
  customer: { userId: string; email: string; accountId: string; name: string };
  projectId: string;
  trashedAssetId: string;
  invitationId: string;
  deadLetter: { consumer: string; eventId: string };
  admin: { email: string; password: string; secret: string };
}

/**
 * What the Support Tool's browser tests and screenshots look at: a customer with a project, a
 * folder in its trash, a pending invitation, a dead-lettered delivery, a failed job run, and an
 * admin staff member (secret read back). The job engine must run (JOBS_ENABLED).
 */
export async function buildSupportScene(
  app: INestApplicationContext,
  baseUrl: string,
  databaseUrl: string,
): Promise<SupportScene> {
  counter += 1;
  const tag = `${counter}-${Date.now()}`;
  const email = `dana-${tag}@example.com`;
  const signup = await api(baseUrl, 'POST', '/v2/auth/signup', {
    email,
    password: 'a-long-enough-password',
    name: 'Dana Editor',
  });
  const token = signup.accessToken as string;
  const project = await api(
    baseUrl,
    'POST',
    `/v2/teams/${signup.teamId}/projects`,
    { name: 'Harbour Lights' },
    token,
  );
  const days = [];
  for (const name of ['Dailies day 1', 'Dailies day 2'])
    days.push(
      await api(
        baseUrl,
        'POST',
        `/v2/assets/${project.rootAssetId}/children`,
        { type: 'folder', name },
        token,
      ),
    );
  // One level down, for the project page's tree.
  await api(
    baseUrl,
    'POST',
    `/v2/assets/${days[0].id}/children`,
    { type: 'folder', name: 'Camera A' },
    token,
  );
  const doomed = await api(
    baseUrl,
    'POST',
    `/v2/assets/${project.rootAssetId}/children`,
    { type: 'folder', name: 'Old selects' },
    token,
  );
  await api(baseUrl, 'DELETE', `/v2/assets/${doomed.id}`, undefined, token);
  // A pending invitation Dana sent (her User page offers to resend it).
  const invitation = await api(
    baseUrl,
    'POST',
    `/v2/accounts/${signup.accountId}/invitations`,
    { email: `guest-${tag}@example.com`, role: 'member' },
    token,
  );
  // A failed run of a domain job, as the engine leaves it after the last try (when it runs).
  const engine = app.get(JobsEngine, { strict: false });
  await engine.boss.send('purge-trash.dead', { limit: 100 });

  const adminEmail = `admin-${tag}@dailies.dev`;
  const adminPassword = 'a-long-staff-password';
  await app
    .get(CommandBus)
    .execute(
      new CreateStaffUserCommand(
        { type: 'system', name: 'scene' },
        { email: adminEmail, name: 'Alex Admin', role: 'admin', password: adminPassword },
      ),
    );

  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const secret = (
      await db.query<{ s: string }>('SELECT totp_secret AS s FROM staff_users WHERE email = $1', [
        adminEmail,
      ])
    ).rows[0].s;
    // As if the audit consumer had failed the sign-up event on its last attempt.
    const {
      rows: [event],
    } = await db.query<{ id: string; position: string; subject_type: string; subject_id: string }>(
      `SELECT id, position, subject_type, subject_id FROM events
       WHERE name = 'user.signed_up' AND subject_id = $1`,
      [signup.user.id],
    );
    await db.query(
      `INSERT INTO event_deliveries (event_id, consumer, event_position, subject_type, subject_id,
                                     state, attempts, last_error)
       VALUES ($1, 'audit', $2, $3, $4, 'dead', 8, 'audit_log: connection reset')
       ON CONFLICT (event_id, consumer) DO UPDATE SET state = 'dead', attempts = 8,
         last_error = EXCLUDED.last_error`,
      [event.id, event.position, event.subject_type, event.subject_id],
    );
    return {
      customer: { userId: signup.user.id, email, accountId: signup.accountId, name: 'Dana Editor' },
      projectId: project.id,
      trashedAssetId: doomed.id,
      invitationId: invitation.id,
      deadLetter: { consumer: 'audit', eventId: event.id },
      admin: { email: adminEmail, password: adminPassword, secret },
    };
  } finally {
    await db.end();
  }
}
