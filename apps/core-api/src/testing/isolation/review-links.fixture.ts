import { IsolationFixtureBuilder } from './isolation-fixture';

/** The victim's review-links for the isolation test. */
export const reviewLinksFixture: IsolationFixtureBuilder = async () => ({ ids: {} });
