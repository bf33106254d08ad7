import { IsolationFixtureBuilder } from './isolation-fixture';

/** The victim's projects for the isolation test. */
export const projectsFixture: IsolationFixtureBuilder = async () => ({ ids: {} });
