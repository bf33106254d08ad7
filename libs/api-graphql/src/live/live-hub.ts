import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { NotificationFeed } from '@dailies/core';
import { LiveAccessQuery, LiveGrant } from '@dailies/read-models-graphql';
import { UnitOfWork, UserActor } from '@dailies/events';
import { Subscription } from 'rxjs';
import {
  ACCESS_EVENTS,
  LiveMessage,
  liveMessageOf,
  NOTIFICATION_CREATED,
  SESSION_EVENTS,
} from './live-message';
import { LIVE_TRANSPORT, LiveTransport } from './live-transport';

/** How long a per-event load is shared (every local subscriber has it by then). */
const SHARED_LOAD_MS = 10_000;

export type LiveListener = (message: LiveMessage) => void;

/** Topics: asset changes by project, comment changes by asset. */
export const projectTopic = (projectId: string) => `project:${projectId}`;
export const assetTopic = (assetId: string) => `asset:${assetId}`;
/** A user's new in-app notifications. */
export const userTopic = (userId: string) => `user:${userId}`;
/** A user's sessions or tokens may have ended (SESSION_EVENTS). */
export const sessionTopic = (userId: string) => `session:${userId}`;

/**
 * This instance's end of live updates. Every event committed here is published (in commit
 * order) to all instances; every message heard is handed to the local subscribers of its
 * topic. Access checks are read fresh and remembered until a message says access may have
 * changed (a collaborator removed, a project made private…): such messages travel the same
 * ordered channel before any later event, so a removed collaborator receives nothing more.
 */
@Injectable()
export class LiveHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly grants = new Map<string, Promise<LiveGrant | null>>();
  private readonly loads = new Map<string, Promise<unknown>>();
  private committed: Subscription | undefined;
  private notified: Subscription | undefined;
  private publishing: Promise<void> = Promise.resolve();
  private readonly log = new Logger('LiveHub');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly queries: QueryBus,
    @Inject(LIVE_TRANSPORT) private readonly transport: LiveTransport,
    private readonly feed: NotificationFeed,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.transport.start((messages) => messages.forEach((m) => this.dispatch(m)));
    this.committed = this.unitOfWork.committed$.subscribe((events) => {
      const messages = events.map(liveMessageOf).filter((m): m is LiveMessage => m !== null);
      if (messages.length === 0) return;
      this.publish(messages);
    });
    // New in-app notifications, stored by the notifications consumer on whichever instance ran it.
    this.notified = this.feed.announced$.subscribe((notifications) =>
      this.publish(
        notifications.map((n) => ({
          id: n.notificationId,
          name: NOTIFICATION_CREATED,
          projectId: null,
          assetId: null,
          commentId: null,
          userId: n.userId,
        })),
      ),
    );
  }

  /** One publication at a time keeps this instance's order on the channel. */
  private publish(messages: readonly LiveMessage[]): void {
    this.publishing = this.publishing
      .then(() => this.transport.publish(messages))
      .catch((error: unknown) => this.log.warn(`live publish failed: ${String(error)}`));
  }

  async onModuleDestroy(): Promise<void> {
    this.committed?.unsubscribe();
    this.notified?.unsubscribe();
    await this.publishing;
    await this.transport.stop();
  }

  listen(topic: string, listener: LiveListener): () => void {
    const set = this.listeners.get(topic) ?? new Set<LiveListener>();
    set.add(listener);
    this.listeners.set(topic, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(topic);
    };
  }

  /** The user's access to a project, fresh from the database unless known since the last change. */
  access(actor: UserActor, projectId: string): Promise<LiveGrant | null> {
    const key = `${actor.id}|${projectId}`;
    let grant = this.grants.get(key);
    if (!grant) {
      grant = this.queries.execute(new LiveAccessQuery(actor, projectId));
      grant.catch(() => this.grants.delete(key));
      this.grants.set(key, grant);
    }
    return grant;
  }

  /**
   * One load per key while an event is being delivered: the subscribers of one user on this
   * instance (tabs, panels) share what the event shows them instead of each reading it again.
   */
  shared<T>(key: string, load: () => Promise<T>): Promise<T> {
    let promise = this.loads.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = load();
      this.loads.set(key, promise);
      setTimeout(() => this.loads.delete(key), SHARED_LOAD_MS).unref();
    }
    return promise;
  }

  private dispatch(message: LiveMessage): void {
    if (ACCESS_EVENTS.has(message.name)) this.forgetAccess(message.projectId);
    const topics = [
      ...(message.name.startsWith('asset.') && message.projectId
        ? [projectTopic(message.projectId)]
        : []),
      ...(message.name.startsWith('comment.') && message.assetId
        ? [assetTopic(message.assetId)]
        : []),
      ...(message.name === NOTIFICATION_CREATED && message.userId
        ? [userTopic(message.userId)]
        : []),
      ...(SESSION_EVENTS.has(message.name) && message.userId ? [sessionTopic(message.userId)] : []),
    ];
    for (const topic of topics) {
      for (const listener of this.listeners.get(topic) ?? []) listener(message);
    }
  }

  private forgetAccess(projectId: string | null): void {
    if (!projectId) {
      this.grants.clear();
      return;
    }
    for (const key of this.grants.keys()) {
      if (key.endsWith(`|${projectId}`)) this.grants.delete(key);
    }
  }
}
