import { addCollaboratorWithConsent } from '@dailies/platform/testing';
import { cacheKeys, cacheTags } from '@dailies/cache';
import { SignedUpUser } from './fixtures';

export const eventually = async (check: () => Promise<boolean> | boolean): Promise<boolean> => {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
};

/** A project of the owner's with a reviewer on it. */
export async function projectWithReviewer(owner: SignedUpUser, reviewer: SignedUpUser) {
  const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, { name: 'Cut' });
  expect(project.status).toBe(201);
  const added = await addCollaboratorWithConsent(
    owner.client,
    project.body.id,
    reviewer,
    'reviewer',
  );
  expect(added.status).toBe(201);
  return project.body.id as string;
}

export const accessEntry = (projectId: string, userId: string) => ({
  key: cacheKeys.access(projectId, userId),
  tags: [cacheTags.access(projectId), cacheTags.accessOfUser(userId)],
});
