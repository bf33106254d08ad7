import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Comment, Prisma } from '@dailies/db';
import { actorUserId, UnitOfWork } from '@dailies/events';
import { forbidden, validationFailed } from '../../../../shared/errors';
import { CommentEdited } from '../../../events';
import { ProjectPolicy } from '../../../project';
import { commentEventScope } from '../../rules/comment-event-scope';
import { assertWithinMedia, mediaTimingOf } from '../../rules/comment-timing';
import { CommentReader } from '../../rules/comment-reader';
import { CommentView } from '../../views/comment.view';
import { UpdateCommentCommand } from './update-comment.command';

type Changes = Pick<
  Prisma.CommentUncheckedUpdateInput,
  'text' | 'frame' | 'durationFrames' | 'annotation' | 'private'
>;

/**
 * Only the author edits a comment (and only while they may still comment); the edit is marked
 * with editedAt. Making a thread private (or public) takes its replies along.
 */
@CommandHandler(UpdateCommentCommand)
export class UpdateCommentHandler implements ICommandHandler<UpdateCommentCommand, CommentView> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly reader: CommentReader,
  ) {}

  async execute({ actor, input }: UpdateCommentCommand): Promise<CommentView> {
    return this.uow.run(async (tx, events) => {
      const grant = await this.policy.requireComment(tx, actor, input.commentId, 'reviewer');
      const { comment } = grant;
      const userId = actorUserId(actor);
      if (!userId || comment.authorId !== userId) {
        throw forbidden('Only the author can edit a comment');
      }
      if (input.private !== undefined && input.private !== comment.private) {
        if (comment.parentId) {
          throw validationFailed([
            { field: 'private', message: 'a reply is as private as its thread; change the thread' },
          ]);
        }
        if (!grant.insider)
          throw forbidden('Only members of the account can make comments private');
      }
      const changes = changesOf(comment, input);
      const keys = Object.keys(changes);
      if (changes.frame !== undefined || changes.durationFrames !== undefined) {
        const timing = await mediaTimingOf(tx, comment.assetId);
        const frame = changes.frame !== undefined ? changes.frame : comment.frame;
        const duration =
          changes.durationFrames !== undefined ? changes.durationFrames : comment.durationFrames;
        assertWithinMedia(timing, frame as number | null, duration as number | null);
      }
      if (keys.length > 0) {
        await tx.comment.update({
          where: { id: comment.id },
          data: { ...changes, editedAt: new Date() },
        });
        if (changes.private !== undefined) {
          await tx.comment.updateMany({
            where: { parentId: comment.id },
            data: { private: changes.private },
          });
        }
        events.record(
          new CommentEdited({
            ...commentEventScope(actor, grant.project, comment.id),
            payload: { assetId: comment.assetId, changes: keys.map(toApiName) },
          }),
        );
      }
      return this.reader.existing(tx, comment.id, { userId, insider: grant.insider });
    });
  }
}

/** The fields that really change, in database terms; a duration needs a timestamp. */
function changesOf(comment: Comment, input: UpdateCommentCommand['input']): Changes {
  const changes: Changes = {};
  if (input.text !== undefined && input.text !== comment.text) changes.text = input.text;
  const frame = input.timestamp !== undefined ? input.timestamp : comment.frame;
  // Removing the timestamp removes the range it started, unless a duration is sent (then 400).
  const duration =
    input.duration !== undefined
      ? input.duration
      : input.timestamp === null
        ? null
        : comment.durationFrames;
  if (duration !== null && frame === null) {
    throw validationFailed([{ field: 'duration', message: 'needs a timestamp' }]);
  }
  if (frame !== comment.frame) changes.frame = frame;
  if (duration !== comment.durationFrames) changes.durationFrames = duration;
  if (
    input.annotation !== undefined &&
    JSON.stringify(input.annotation) !== JSON.stringify(comment.annotation)
  ) {
    changes.annotation =
      input.annotation === null ? Prisma.DbNull : (input.annotation as Prisma.InputJsonValue);
  }
  if (input.private !== undefined && input.private !== comment.private) {
    changes.private = input.private;
  }
  return changes;
}

const apiNames: Record<string, string> = { frame: 'timestamp', durationFrames: 'duration' };
const toApiName = (key: string) => apiNames[key] ?? key;
