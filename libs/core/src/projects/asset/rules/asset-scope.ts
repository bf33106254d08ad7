import type { Project } from '@dailies/db';
import { Actor } from '@dailies/events';

/** The fields every asset event carries, for one project; add `subject` and `payload`. */
export interface AssetEventBase {
  actor: Actor;
  accountId: string;
  teamId: string;
  projectId: string;
}

export const eventBase = (actor: Actor, project: Project): AssetEventBase => ({
  actor,
  accountId: project.accountId,
  teamId: project.teamId,
  projectId: project.id,
});

export const assetSubject = (id: string) => ({ type: 'asset', id });
