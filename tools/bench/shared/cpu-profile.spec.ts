import path from 'node:path';
import { areaOf, summariseProfile } from './cpu-profile';

const root = path.resolve(__dirname, '../../..');

describe('areaOf', () => {
  it('names packages, the app’s libs, Node internals and V8’s own entries', () => {
    expect(areaOf(`file://${root}/node_modules/fastify/lib/route.js`, 'x')).toBe('pkg:fastify');
    expect(areaOf(`file://${root}/node_modules/@nestjs/core/router.js`, 'x')).toBe(
      'pkg:@nestjs/core',
    );
    expect(areaOf(`${root}/libs/core/src/projects/x.ts`, 'x')).toBe('app:libs/core');
    expect(areaOf('node:internal/streams/readable', 'x')).toBe('node:internals');
    expect(areaOf('', '(garbage collector)')).toBe('gc');
    expect(areaOf('', '(idle)')).toBe('(idle)');
  });
});

describe('summariseProfile', () => {
  it('adds self time per area and function and leaves idle time out', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: frame('(idle)', '') },
        { id: 2, callFrame: frame('parse', `file://${root}/node_modules/pg/lib/result.js`) },
        { id: 3, callFrame: frame('execute', `${root}/libs/core/src/a.ts`) },
      ],
      samples: [1, 2, 2, 3, 2],
      timeDeltas: [5000, 1000, 1000, 2000, 1000],
    });
    expect(summary.totalMs).toBe(5);
    expect(summary.byArea).toEqual([
      { area: 'pkg:pg', ms: 3, share: 0.6 },
      { area: 'app:libs/core', ms: 2, share: 0.4 },
    ]);
    const tail = summariseProfile(
      {
        nodes: [
          { id: 2, callFrame: frame('parse', `file://${root}/node_modules/pg/lib/result.js`) },
          { id: 3, callFrame: frame('execute', `${root}/libs/core/src/a.ts`) },
        ],
        samples: [2, 2, 3],
        timeDeltas: [1000, 1000, 1000],
      },
      15,
      1,
    );
    expect(tail.byArea).toEqual([{ area: 'app:libs/core', ms: 1, share: 1 }]);
    expect(summary.topFunctions[0]).toEqual({
      name: 'parse result.js:10',
      area: 'pkg:pg',
      ms: 3,
      share: 0.6,
    });
  });
});
