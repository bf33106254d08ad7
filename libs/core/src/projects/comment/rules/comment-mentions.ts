import { Injectable } from '@nestjs/common';
import { isUuid, Project } from '@dailies/db';
import { Db } from '../../../shared/db';
import { FieldError, validationFailed } from '../../../shared/errors';
import { ProjectPolicy } from '../../project';
import { CommentMentionView } from '../views/comment.view';

/**
 * Mentions notify people, so each mentioned user must be able to open the comment: someone with
 * access to the project — and, for a private comment, an insider (a member of its account).
 */
@Injectable()
export class CommentMentions {
  constructor(private readonly policy: ProjectPolicy) {}

  async resolve(
    db: Db,
    project: Project,
    userIds: string[],
    privateComment: boolean,
  ): Promise<CommentMentionView[]> {
    if (userIds.length === 0) return [];
    const users = await db.user.findMany({
      where: { id: { in: userIds.filter(isUuid) } },
      select: { id: true, name: true },
    });
    const byId = new Map(users.map((u) => [u.id, u]));
    const errors: FieldError[] = [];
    const mentions: CommentMentionView[] = [];
    for (const [index, userId] of userIds.entries()) {
      const user = byId.get(userId);
      const grant = user
        ? await this.policy.accessTo(db, { type: 'user', id: user.id }, project)
        : null;
      if (!user || !grant) {
        errors.push({
          field: `mentions.${index}`,
          message: `${userId} is not a member of this project`,
        });
      } else if (privateComment && !grant.insider) {
        errors.push({
          field: `mentions.${index}`,
          message: `${userId} is not a member of the account and cannot see private comments`,
        });
      } else {
        mentions.push({ userId: user.id, name: user.name });
      }
    }
    if (errors.length) throw validationFailed(errors, 'Some mentioned users cannot be mentioned');
    return mentions.sort(
      (a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId),
    );
  }
}
