import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Comment, newId, PreparedStatements, PrismaService } from '@dailies/db';
import { UnitOfWork } from '@dailies/events';
import { forbidden } from '../../../../shared/errors';
import { CommentCreated } from '../../../events';
import { ProjectPolicy } from '../../../project';
import { newCommentContextOf } from '../../rules/comment-context';
import { newCommentMentionsSql, newCommentSql } from '../../rules/comment-insert';
import { commentEventScope } from '../../rules/comment-event-scope';
import { textExcerpt } from '../../rules/comment-input';
import { CommentMentions } from '../../rules/comment-mentions';
import { commentTargetIdOf } from '../../rules/comment-target';
import { assertWithinMedia } from '../../rules/comment-timing';
import { CommentThreadView, toCommentRow, toCommentThreadView } from '../../views/comment.view';
import { CreateCommentCommand } from './create-comment.command';

/**
 * Reviewers and up comment on a file, or on a version stack (the comment goes to its head
 * version); only insiders may make a comment private.
 */
@CommandHandler(CreateCommentCommand)
export class CreateCommentHandler implements ICommandHandler<
  CreateCommentCommand,
  CommentThreadView
> {
  constructor(
    private readonly prisma: PrismaService,
    private readonly statements: PreparedStatements,
    private readonly uow: UnitOfWork,
    private readonly policy: ProjectPolicy,
    private readonly mentions: CommentMentions,
  ) {}

  async execute({ actor, input }: CreateCommentCommand): Promise<CommentThreadView> {
    // Every read comes first, outside any transaction (READ COMMITTED would take no lock on
    // these rows inside one either); then the comment, its mentions and its event are written
    // by one statement, atomic by itself — the busiest write costs no BEGIN/COMMIT round trips.
    // The asset, its head version, the media timing and the author's name are one prepared read;
    // the access check on that asset is requireAsset's own (requireLoadedAsset).
    const context = await newCommentContextOf(this.statements, input.assetId, actor);
    const grant = await this.policy.requireLoadedAsset(
      this.prisma,
      actor,
      context.asset,
      'reviewer',
    );
    if (input.private && !grant.insider) {
      throw forbidden('Only members of the account can post private comments');
    }
    const targetId = commentTargetIdOf(grant.asset, context.headVersionId);
    const { timing, authorName } = context;
    assertWithinMedia(timing, input.timestamp, input.duration);
    const mentions = await this.mentions.resolve(
      this.prisma,
      grant.project,
      input.mentions,
      input.private,
    );
    const id = newId();
    const [comment] = await this.uow.runInOneStatement<Comment>((events) => {
      events.record(
        new CommentCreated({
          ...commentEventScope(actor, grant.project, id),
          payload: {
            assetId: targetId,
            parentId: null,
            authorId: actor.type === 'user' ? actor.id : null,
            authorName,
            reviewLinkId: null,
            private: input.private,
            mentions: mentions.map((m) => m.userId),
            textExcerpt: textExcerpt(input.text),
          },
        }),
      );
      return {
        change: newCommentSql(
          {
            id,
            assetId: targetId,
            projectId: grant.project.id,
            accountId: grant.project.accountId,
            text: input.text,
            frame: input.timestamp ?? null,
            durationFrames: input.duration ?? null,
            annotation: input.annotation ?? null,
            private: input.private,
          },
          { authorId: actor.type === 'user' ? actor.id : null, authorName },
        ),
        alongside: mentions.length ? [newCommentMentionsSql(mentions.map((m) => m.userId))] : [],
      };
    });
    const row = toCommentRow(comment, {
      authorUserName: authorName,
      mentions,
      frameRate: timing?.rate ?? null,
    });
    return toCommentThreadView(row, []);
  }
}
