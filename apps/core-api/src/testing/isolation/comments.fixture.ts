import { IsolationFixtureBuilder } from './isolation-fixture';

/** The victim's comments for the isolation test: a thread on a file of their project. */
export const commentsFixture: IsolationFixtureBuilder = async (victim, ids) => {
  const project = await victim.client.get(`/v2/projects/${ids.projectId}`);
  const file = await victim.client.post(`/v2/assets/${project.body.rootAssetId}/children`, {
    type: 'file',
    name: 'Commented shot.mov',
  });
  if (file.status !== 201) {
    throw new Error(`comments fixture (file): ${file.status} ${JSON.stringify(file.body)}`);
  }
  const comment = await victim.client.post(`/v2/assets/${file.body.id}/comments`, {
    text: 'Victim comment',
  });
  if (comment.status !== 201) {
    throw new Error(`comments fixture: ${comment.status} ${JSON.stringify(comment.body)}`);
  }
  return {
    ids: { commentId: comment.body.id },
    validBodies: {
      'POST /v2/assets/{assetId}/comments': { text: 'Hijack' },
      'PATCH /v2/comments/{commentId}': { text: 'Hijacked' },
      'POST /v2/comments/{commentId}/replies': { text: 'Hijack reply' },
    },
  };
};
