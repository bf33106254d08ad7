import { Observable, Subscription } from 'rxjs';
import type { EventSelection } from './consumer';
import { selects } from './consumer-settings';
import { Lane } from './lane';

/**
 * The in-memory fan-out: each published item goes to every lane whose selection matches its
 * route (the event name), and each lane runs it with its own concurrency and buffer, so a slow
 * lane never holds up the publisher or the other lanes — a full lane refuses the item instead.
 * The durable runtime builds on it (its lanes write outcomes to the database); alone it has no
 * I/O and can be measured against a bare Subject.
 */
export class Broadcaster<T> {
  private readonly lanes: { lane: Lane<T>; selection: EventSelection }[] = [];
  private readonly routes = new Map<string, Lane<T>[]>();

  constructor(private readonly routeOf: (item: T) => string) {}

  attach(lane: Lane<T>, selection: EventSelection): Lane<T> {
    this.lanes.push({ lane, selection });
    this.routes.clear();
    return lane;
  }

  /** Offers the item to every matching lane; false when at least one had no room for it. */
  publish(item: T): boolean {
    const lanes = this.lanesFor(this.routeOf(item));
    let acceptedByAll = true;
    for (let i = 0; i < lanes.length; i++) {
      if (!lanes[i].offer(item)) acceptedByAll = false;
    }
    return acceptedByAll;
  }

  /** Publishes everything the source emits until the subscription ends. */
  connect(source: Observable<T>): Subscription {
    return source.subscribe((item) => this.publish(item));
  }

  /** The lanes an item of this route goes to (the refused ones need its lanes, too). */
  lanesFor(route: string): readonly Lane<T>[] {
    let lanes = this.routes.get(route);
    if (!lanes) {
      lanes = this.lanes.filter((l) => selects(l.selection, route)).map((l) => l.lane);
      this.routes.set(route, lanes);
    }
    return lanes;
  }

  /** Resolves once every lane has nothing buffered or in flight. */
  async idle(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.lane.whenIdle()));
  }
}
