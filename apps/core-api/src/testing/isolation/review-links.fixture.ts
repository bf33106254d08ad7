import { IsolationFixtureBuilder } from './isolation-fixture';

/** The victim's review links for the isolation test: one sharing a file of their project. */
export const reviewLinksFixture: IsolationFixtureBuilder = async (victim, ids) => {
  const project = await victim.client.get(`/v2/projects/${ids.projectId}`);
  const file = await victim.client.post(`/v2/assets/${project.body.rootAssetId}/children`, {
    type: 'file',
    name: 'Shared shot.mov',
  });
  if (file.status !== 201) {
    throw new Error(`review-links fixture (file): ${file.status} ${JSON.stringify(file.body)}`);
  }
  const link = await victim.client.post(`/v2/projects/${ids.projectId}/review-links`, {
    name: 'Victim review',
    assetIds: [file.body.id],
  });
  if (link.status !== 201) {
    throw new Error(`review-links fixture: ${link.status} ${JSON.stringify(link.body)}`);
  }
  return {
    ids: { reviewLinkId: link.body.id },
    validBodies: {
      'POST /v2/projects/{projectId}/review-links': {
        name: 'Hijack review',
        assetIds: [file.body.id],
      },
      'PATCH /v2/review-links/{reviewLinkId}': { name: 'Hijacked', active: false },
    },
  };
};
