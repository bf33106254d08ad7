import { IsolationFixtureBuilder } from './isolation-fixture';

/**
 * The victim's assets for the isolation test: `assetId` is a file in the victim's project. Every
 * body below passes validation, so only the policy can answer the outsider.
 */
export const assetsFixture: IsolationFixtureBuilder = async (victim, ids) => {
  const project = await victim.client.get(`/v2/projects/${ids.projectId}`);
  if (project.status !== 200) {
    throw new Error(`assets fixture: project ${project.status} ${JSON.stringify(project.body)}`);
  }
  const root: string = project.body.rootAssetId;
  const file = async (name: string) => {
    const res = await victim.client.post(`/v2/assets/${root}/children`, { type: 'file', name });
    if (res.status !== 201) {
      throw new Error(`assets fixture: file ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body.id as string;
  };
  const assetId = await file('Victim cut.mov');
  const otherFileId = await file('Victim cut v2.mov');
  return {
    ids: { assetId },
    validBodies: {
      'PATCH /v2/assets/{assetId}': { name: 'Hijacked', label: 'approved' },
      'POST /v2/assets/{assetId}/children': { type: 'folder', name: 'Hijack folder' },
      'PUT /v2/assets/{assetId}/upload-complete': { filesize: 1, filetype: 'video/mp4' },
      'POST /v2/assets/{assetId}/upload': { filesize: 1024 },
      'POST /v2/assets/{assetId}/move': { parentId: root, index: 0 },
      'POST /v2/assets/{assetId}/copy': { parentId: root, withComments: true },
      'POST /v2/assets/{assetId}/version': { nextAssetId: otherFileId },
    },
  };
};
