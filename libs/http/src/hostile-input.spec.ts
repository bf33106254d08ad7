import { Readable } from 'node:stream';
import { hostileJsonProblem, MAX_JSON_DEPTH } from './hostile-input';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('hostileJsonProblem', () => {
  it('accepts ordinary JSON up to the depth limit', () => {
    expect(hostileJsonProblem({ name: 'x', tags: ['a', 'b'], n: 1 })).toBeUndefined();
    expect(hostileJsonProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(hostileJsonProblem(undefined)).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, even thousands deep, without recursion', () => {
    expect(hostileJsonProblem(nested(MAX_JSON_DEPTH + 1))).toMatch(/nested/);
    expect(hostileJsonProblem(nested(100_000))).toMatch(/nested/);
  });

  it('refuses NUL in any string or key', () => {
    expect(hostileJsonProblem({ a: [{ b: 'x\u0000' }] })).toMatch(/NUL/);
    expect(hostileJsonProblem({ ['k\u0000']: 1 })).toMatch(/NUL/);
    expect(hostileJsonProblem('\u0000')).toMatch(/NUL/);
  });

  it('never walks binary or stream bodies', () => {
    expect(hostileJsonProblem(Buffer.from([0, 0, 0]))).toBeUndefined();
    expect(hostileJsonProblem(Readable.from(['\u0000']))).toBeUndefined();
    expect(hostileJsonProblem({ file: Buffer.from('\u0000') })).toBeUndefined();
  });
});
