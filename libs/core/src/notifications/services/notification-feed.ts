import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/** A stored in-app notification, announced to live transports (ids only: readers load it). */
export interface NotificationAnnouncement {
  notificationId: string;
  userId: string;
}

/**
 * The in-process feed of new in-app notifications: the notifications consumer announces what it
 * stored, live transports (GraphQL's `notificationReceived`) relay it to every instance. A port
 * in the domain, so that neither side knows the other.
 */
@Injectable()
export class NotificationFeed {
  private readonly announced = new Subject<readonly NotificationAnnouncement[]>();
  readonly announced$: Observable<readonly NotificationAnnouncement[]> =
    this.announced.asObservable();

  announce(notifications: readonly NotificationAnnouncement[]): void {
    if (notifications.length > 0) this.announced.next(notifications);
  }
}
