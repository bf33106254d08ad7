import { Pool } from 'pg';

/**
 * The floor any PostgreSQL queue stands on: N rows, W loops that each claim one row with
 * `FOR UPDATE SKIP LOCKED` and mark it done in a second statement (claim + complete, as an
 * engine does), no retries, no history, no schedules.
 */
export async function skipLockedLoop(url: string, count: number, workers: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: workers });
  try {
    await pool.query(`
      CREATE TABLE bench_queue (id bigserial PRIMARY KEY, payload jsonb NOT NULL,
                                state text NOT NULL DEFAULT 'created');
      CREATE INDEX bench_queue_created ON bench_queue (id) WHERE state = 'created'`);
    await pool.query(
      `INSERT INTO bench_queue (payload) SELECT jsonb_build_object('n', n) FROM generate_series(1, $1) n`,
      [count],
    );
    const started = performance.now();
    let done = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (;;) {
          const { rows } = await pool.query<{ id: string }>(
            `UPDATE bench_queue SET state = 'active'
              WHERE id = (SELECT id FROM bench_queue WHERE state = 'created'
                           ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
              RETURNING id, payload`,
          );
          const row = rows[0];
          if (!row) return;
          await pool.query(`UPDATE bench_queue SET state = 'completed' WHERE id = $1`, [row.id]);
          done++;
        }
      }),
    );
    if (done !== count) throw new Error(`bare loop handled ${done} of ${count}`);
    return count / ((performance.now() - started) / 1000);
  } finally {
    await pool.end();
  }
}
