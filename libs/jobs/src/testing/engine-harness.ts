import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { JobDefinition } from '../define-job';
import { Jobs } from '../jobs';
import { Clock, JobsEngine } from '../pg-boss-engine';
import { ScheduleDefinition } from '../schedule';

/** Engines on one throwaway database, stopped and dropped by `close()`. */
export class EngineHarness {
  private readonly engines: JobsEngine[] = [];

  private constructor(readonly url: string) {}

  static async create(): Promise<EngineHarness> {
    return new EngineHarness(await createTestDatabase());
  }

  /** A started engine (one "instance"); handlers resolve services from `services`. */
  async start(options: {
    jobs: readonly JobDefinition[];
    schedules?: readonly ScheduleDefinition[];
    clock?: Clock;
    services?: Map<unknown, unknown>;
    /** Each poll is a timer a TestClock fires while ticking: fewer polls, faster ticks. */
    pollingIntervalSeconds?: number;
    onFinalFailure?: (job: string, error: unknown) => void;
  }): Promise<{ engine: JobsEngine; jobs: Jobs }> {
    const engine = new JobsEngine({
      url: this.url,
      definitions: options.jobs,
      schedules: options.schedules ?? [],
      clock: options.clock,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? (options.clock ? 10 : 0.5),
      onFinalFailure: options.onFinalFailure,
      resolve: <T>(token: abstract new (...args: never[]) => T): T => {
        const found = options.services?.get(token);
        if (!found) throw new Error(`no service ${token.name} in this test`);
        return found as T;
      },
    });
    await engine.start();
    this.engines.push(engine);
    return { engine, jobs: new Jobs(engine) };
  }

  async stop(engine: JobsEngine): Promise<void> {
    this.engines.splice(this.engines.indexOf(engine), 1);
    await engine.stop();
  }

  async close(): Promise<void> {
    for (const e of this.engines.splice(0)) await e.stop();
    await dropTestDatabase(this.url);
  }
}

/** Polls (in real time) until `check` holds; job handlers run outside the test clock's ticks. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
