import { Inject } from '@nestjs/common';
import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { APP_CONFIG } from '@dailies/config';
import { GraphqlConfig } from '../graphql.config';
import {
  CommentView,
  DomainError,
  GetAssetQuery,
  GetCommentQuery,
  GetNotificationQuery,
  notFound,
  NotificationView,
} from '@dailies/core';
import { UserActor } from '@dailies/events';
import { actorOf, GraphqlContext } from '../context';
import { asGraphqlError } from '../errors/error-codes';
import { BoundedIterator } from '../live/bounded-iterator';
import { assetTopic, LiveHub, projectTopic, sessionTopic, userTopic } from '../live/live-hub';
import { LiveMessage } from '../live/live-message';
import { LiveSockets } from '../live/websocket-shutdown';
import { ASSET_KINDS, AssetChange, COMMENT_KINDS, CommentChange } from '../types/live';
import { Notification } from '../types/models';
import { Bus } from './bus';

/**
 * Live updates over graphql-ws. Access is checked when subscribing (NOT_FOUND exactly as the
 * /v2 GET) and again, fresh, for every event before it is delivered.
 */
@Resolver()
export class SubscriptionResolver {
  constructor(
    private readonly hub: LiveHub,
    private readonly sockets: LiveSockets,
    private readonly bus: Bus,
    @Inject(APP_CONFIG) private readonly config: GraphqlConfig,
  ) {}

  @Subscription(() => AssetChange, {
    description: 'Assets of the project created, updated, moved, trashed, restored, versioned…',
    resolve: (payload: AssetChange) => payload,
  })
  async assetChanged(
    @Context() ctx: GraphqlContext,
    @Args('projectId', { type: () => ID }) projectId: string,
  ) {
    const actor = await refused(() => actorOf(ctx));
    this.endWithSession(ctx, actor);
    if (!(await this.hub.access(actor, projectId))) throw asGraphqlError(notFound('Project'));
    return this.stream(projectTopic(projectId), (message) => this.assetChange(ctx, actor, message));
  }

  @Subscription(() => CommentChange, {
    description: 'Comments of the asset added, edited, completed, deleted, liked…',
    resolve: (payload: CommentChange) => payload,
  })
  async commentChanged(
    @Context() ctx: GraphqlContext,
    @Args('assetId', { type: () => ID }) assetId: string,
  ) {
    const actor = await refused(() => actorOf(ctx));
    this.endWithSession(ctx, actor);
    await refused(() => this.bus.query(ctx, new GetAssetQuery(actor, assetId)));
    return this.stream(assetTopic(assetId), (message) => this.commentChange(ctx, actor, message));
  }

  @Subscription(() => Notification, {
    description: 'The caller’s own new in-app notifications, as they are stored',
    resolve: (payload: NotificationView) => payload,
  })
  async notificationReceived(@Context() ctx: GraphqlContext) {
    const actor = await refused(() => actorOf(ctx));
    this.endWithSession(ctx, actor);
    return this.stream(userTopic(actor.id), async (message) => {
      try {
        return await this.bus.query(ctx, new GetNotificationQuery(actor, message.id));
      } catch (error) {
        // Deleted since (the user was removed): nothing to deliver.
        if (error instanceof DomainError && error.code === 'not_found') return null;
        throw error;
      }
    });
  }

  /** Closes the socket (4401) once its credentials stop holding; see LiveSockets.endWithSession. */
  private endWithSession(ctx: GraphqlContext, actor: UserActor): void {
    const socket = ctx.liveSocket;
    const stillValid = ctx.credentialsStillValid;
    if (!socket || !stillValid) return;
    this.sockets.endWithSession(
      socket,
      (onChange) => this.hub.listen(sessionTopic(actor.id), onChange),
      stillValid,
    );
  }

  private async assetChange(
    ctx: GraphqlContext,
    actor: UserActor,
    message: LiveMessage,
  ): Promise<AssetChange | null> {
    const kind = ASSET_KINDS[message.name];
    if (!kind || !message.projectId || !message.assetId) return null;
    if (!(await this.hub.access(actor, message.projectId))) return null;
    const assetId = message.assetId;
    const asset =
      kind === 'trashed'
        ? null
        : await this.hub.shared(`${message.id}|${actor.id}`, () =>
            ctx.loaders.assets.load(assetId),
          );
    return {
      kind,
      eventId: message.id,
      projectId: message.projectId,
      assetId: message.assetId,
      asset,
    };
  }

  private async commentChange(
    ctx: GraphqlContext,
    actor: UserActor,
    message: LiveMessage,
  ): Promise<CommentChange | null> {
    const kind = COMMENT_KINDS[message.name];
    if (!kind || !message.projectId || !message.assetId || !message.commentId) return null;
    if (!(await this.hub.access(actor, message.projectId))) return null;
    let comment: CommentView | null = null;
    if (kind !== 'deleted') {
      try {
        const commentId = message.commentId;
        // Shared by this user's subscribers here; per user, since likedByMe is theirs.
        comment = await this.hub.shared(`${message.id}|${actor.id}`, () =>
          this.bus.query(ctx, new GetCommentQuery(actor, commentId)),
        );
      } catch (error) {
        // Private to the account's members, or deleted since: nothing to show this caller.
        if (error instanceof DomainError && error.code === 'not_found') return null;
        throw error;
      }
    }
    return {
      kind,
      eventId: message.id,
      assetId: message.assetId,
      commentId: message.commentId,
      comment,
    };
  }

  /** The topic's messages, authorized and loaded one at a time, in order. */
  private stream<T>(
    topic: string,
    authorize: (message: LiveMessage) => Promise<T | null>,
  ): AsyncIterableIterator<T> {
    let stop: () => void = () => undefined;
    const source = new BoundedIterator<LiveMessage>(this.config.GRAPHQL_MAX_PENDING_EVENTS, () =>
      stop(),
    );
    stop = this.hub.listen(topic, (message) => source.push(message));
    return (async function* () {
      for await (const message of source) {
        const payload = await authorize(message);
        if (payload) yield payload;
      }
    })();
  }
}

/**
 * Errors when subscribing reach the client as graphql-ws `error` messages, which Mercurius
 * sends without the error formatter: they leave as GraphQL errors that carry their code.
 */
async function refused<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw asGraphqlError(error);
  }
}
