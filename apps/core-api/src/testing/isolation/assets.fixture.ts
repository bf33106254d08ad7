import { IsolationFixtureBuilder } from './isolation-fixture';

/** The victim's assets for the isolation test. */
export const assetsFixture: IsolationFixtureBuilder = async () => ({ ids: {} });
