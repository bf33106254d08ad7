import { readFileSync } from 'node:fs';
import path from 'node:path';
import { METRIC_CATALOGUE } from './metric-catalogue';

const DOCS = path.join(__dirname, '../../../docs/monitoring');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(DOCS, file), 'utf8'));

/** Every `dailies.…` metric a query names, with the aggregation suffix (`.as_count()`) left out. */
function metricsIn(json: unknown): string[] {
  const text = JSON.stringify(json);
  return [...text.matchAll(/\bdailies\.([a-z0-9_.]+?)(?=[{(\s]|$)/g)].map((m) => m[1]);
}

describe('the Datadog dashboard and monitors in docs/monitoring', () => {
  const known = new Map(METRIC_CATALOGUE.map((e) => [e.name, e]));

  it.each(['datadog-dashboard.json', 'datadog-monitors.json'])(
    '%s uses only metrics the code emits, with tags they carry',
    (file) => {
      const json = read(file);
      const used = metricsIn(json);
      expect(used.length).toBeGreaterThan(5);
      expect(used.filter((name) => !known.has(name))).toEqual([]);
      // `by {tag}` groups only by tags the metric has (app and instance are on every metric).
      const text = JSON.stringify(json);
      for (const m of text.matchAll(
        /dailies\.([a-z0-9_.]+?)\{[^}]*\}(?:\.as_count\(\))? by \{([^}]+)\}/g,
      )) {
        const entry = known.get(m[1])!;
        for (const tag of m[2].split(','))
          expect([...entry.tags, 'app', 'instance']).toContain(tag);
      }
    },
  );

  it('the dashboard draws every family: HTTP, GraphQL, websocket, consumers, jobs, pool, process, Dynasaur', () => {
    const used = new Set(metricsIn(read('datadog-dashboard.json')));
    for (const family of [
      'http.',
      'graphql.operation',
      'graphql.ws',
      'events.consumer',
      'jobs.',
      'db.pool',
      'process.',
      'dynasaur.',
    ])
      expect([...used].some((name) => name.startsWith(family))).toBe(true);
  });

  it('monitors are importable metric alerts (name, type, query, message, thresholds)', () => {
    const monitors = read('datadog-monitors.json') as Record<string, any>[];
    expect(monitors.length).toBeGreaterThan(3);
    for (const m of monitors) {
      expect(m).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          type: 'metric alert',
          message: expect.any(String),
        }),
      );
      expect(m.query).toMatch(/^(avg|max|min|sum)\(last_\d+[mh]\):.+ [<>]=? \d+$/);
      expect(m.options.thresholds.critical).toEqual(Number(/(\d+)$/.exec(m.query)![1]));
    }
  });
});
