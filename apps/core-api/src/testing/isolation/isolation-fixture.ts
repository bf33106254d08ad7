import { SignedUpUser } from '../fixtures';

/**
 * What one area adds to the isolation test: ids of things the victim owns (keyed by the route
 * parameter name, e.g. `assetId`) and, per route, a body that passes validation so that the
 * policy — not the validator — answers. `OUTSIDER` in a body is replaced by the outsider's id.
 */
export interface IsolationFixture {
  ids: Record<string, string>;
  validBodies?: Record<string, unknown>;
}

/** Builds an area's fixture; `ids` holds what earlier fixtures made (e.g. `projectId`). */
export type IsolationFixtureBuilder = (
  victim: SignedUpUser,
  ids: Readonly<Record<string, string>>,
) => Promise<IsolationFixture>;
