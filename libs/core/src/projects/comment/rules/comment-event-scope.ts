import { Project } from '@dailies/db';
import { Actor } from '@dailies/events';

/** The envelope every comment event carries. */
export const commentEventScope = (actor: Actor, project: Project, commentId: string) => ({
  actor,
  accountId: project.accountId,
  teamId: project.teamId,
  projectId: project.id,
  subject: { type: 'comment', id: commentId },
});
