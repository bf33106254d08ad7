import { IsolationFixtureBuilder } from './isolation-fixture';

/** The victim's projects for the isolation test. */
export const projectsFixture: IsolationFixtureBuilder = async (victim, ids) => {
  const project = await victim.client.post(`/v2/teams/${ids.teamId}/projects`, {
    name: 'Victim project',
  });
  if (project.status !== 201) {
    throw new Error(`project fixture: ${project.status} ${JSON.stringify(project.body)}`);
  }
  return {
    ids: { projectId: project.body.id },
    validBodies: {
      'POST /v2/teams/{teamId}/projects': { name: 'Hijack project' },
      'PATCH /v2/projects/{projectId}': { name: 'Hijacked', archived: true },
      // Not `OUTSIDER`: the isolation test would replace the whole body and drop `role`.
      'POST /v2/projects/{projectId}/collaborators': {
        email: 'intruder@example.com',
        role: 'editor',
      },
      'PATCH /v2/projects/{projectId}/collaborators/{userId}': { role: 'viewer' },
    },
  };
};
