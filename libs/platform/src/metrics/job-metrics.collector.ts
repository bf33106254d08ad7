import { JobRunOutcome, Jobs, JobsEngine } from '@dailies/jobs';
import { Metrics } from '@dailies/monitoring';

/**
 * Every job: each try this process runs, as it ends (`jobs.run.duration` histogram by job and
 * outcome — its `.count` is the runs — plus `jobs.runs` / `jobs.failures` counters); and at each
 * flush, from the engine's tables, the queue depth (ready to run), deferred, active, dead letters
 * and the age of the oldest waiting job.
 */
export function watchJobs(metrics: Metrics, engine: JobsEngine, jobs: Jobs): () => void {
  const stopRuns = engine.onRunFinished((run: JobRunOutcome) => {
    const tags = { job: run.job };
    metrics.histogram('jobs.run.duration', run.durationMs, { ...tags, outcome: run.outcome });
    metrics.increment('jobs.runs', 1, tags);
    if (run.outcome === 'failed') metrics.increment('jobs.failures', 1, tags);
  });
  const stopQueues = metrics.addCollector(async (m) => {
    for (const job of engine.jobNames()) {
      const stats = await jobs.stats(job);
      const tags = { job };
      m.gauge('jobs.queue.depth', stats.waiting, tags);
      m.gauge('jobs.queue.deferred', stats.deferred, tags);
      m.gauge('jobs.queue.active', stats.active, tags);
      m.gauge('jobs.queue.oldest_waiting_seconds', stats.oldestWaitingSeconds, tags);
      m.gauge('jobs.dead_letters', stats.deadLetters, tags);
    }
  });
  return () => {
    stopRuns();
    stopQueues();
  };
}
