import { IsolationFixtureBuilder } from './isolation-fixture';

/** The victim's comments for the isolation test. */
export const commentsFixture: IsolationFixtureBuilder = async () => ({ ids: {} });
