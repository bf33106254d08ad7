import type { TrackRecord } from './track-record';

/** Where track records go. `send` resolves once the whole batch was accepted. */
export interface AnalyticsSink {
  send(batch: readonly TrackRecord[]): Promise<void>;
}

export const ANALYTICS_SINK = Symbol('ANALYTICS_SINK');
