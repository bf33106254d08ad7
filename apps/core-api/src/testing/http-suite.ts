import { Client } from 'pg';
import { ApiV2Module } from '@dailies/api-v2';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { SignedUpUser, signUp } from './fixtures';

/** What an HTTP suite has once its beforeAll ran: the platform, clients and the account owner. */
export interface HttpSuite {
  platform: TestPlatform;
  anon: TestClient;
  /** A plain connection to the suite's database, for what the API does not show (events). */
  db: Client;
  owner: SignedUpUser;
}

/**
 * The set-up every HTTP spec of the core API repeats: the platform with REST /v2 on its own
 * database, an anonymous client, a database connection and a signed-up owner. Call it inside a
 * `describe`; the returned object is filled in by its beforeAll, so read it inside tests.
 */
export function httpSuite(ownerName: string, env: Record<string, string> = {}): HttpSuite {
  const suite = {} as HttpSuite;
  beforeAll(async () => {
    suite.platform = await startTestPlatform([ApiV2Module], env);
    // The port the app listens on (baseUrl is PUBLIC_URL when a suite sets one).
    const address = suite.platform.app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    suite.anon = new TestClient(`http://127.0.0.1:${port}`);
    suite.db = new Client({ connectionString: suite.platform.databaseUrl });
    await suite.db.connect();
    suite.owner = await signUp(suite.anon, ownerName);
  });
  afterAll(async () => {
    await suite.db?.end();
    await suite.platform?.close();
  });
  return suite;
}

/** Creates a project in the user's default team; its id and root folder. */
export async function newProjectOf(user: SignedUpUser, name: string) {
  const res = await user.client.post(`/v2/teams/${user.teamId}/projects`, { name });
  expect(res.status).toBe(201);
  return { projectId: res.body.id as string, root: res.body.rootAssetId as string };
}

/** Creates an asset under a folder; throws with the problem when refused. */
export async function addAsset(
  user: SignedUpUser,
  parentId: string,
  body: Record<string, unknown>,
) {
  const res = await user.client.post(`/v2/assets/${parentId}/children`, body);
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The events of one subject and name, oldest first, with the columns specs check. */
export async function eventRows(db: Client, subjectId: string, name: string) {
  const { rows } = await db.query(
    'SELECT payload, actor, account_id, team_id, project_id, subject_type FROM events ' +
      'WHERE name = $1 AND subject_id = $2 ORDER BY position',
    [name, subjectId],
  );
  return rows;
}

/** The fields a problem+json answer names as invalid. */
export const fieldsOf = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((e) => e.field);
