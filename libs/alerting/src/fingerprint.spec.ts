import { errorClassOf, fingerprintError, normaliseMessage, projectFrames } from './fingerprint';

const STACK = [
  'TypeError: Cannot read properties of undefined (reading "name")',
  '    at AssetView.render (/work/repo/libs/core/src/projects/asset/asset-view.ts:41:17)',
  '    at async CreateAssetHandler.execute (/work/repo/libs/core/src/projects/asset/commands/create-asset/create-asset.handler.ts:88:5)',
  '    at CommandBus.execute (/work/repo/node_modules/@nestjs/cqrs/dist/command-bus.js:51:28)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
  '    at /work/repo/apps/platform/src/main.ts:3:1',
].join('\n');

describe('normaliseMessage', () => {
  it.each([
    ['asset 0192f3c4-aaaa-7bbb-8ccc-1234567890ab not found', 'asset <uuid> not found'],
    ['timeout after 3000 ms on attempt 2', 'timeout after <n> ms on attempt <n>'],
    [
      `duplicate key value "ab-12" for 'user@example.com'`,
      'duplicate key value <value> for <value>',
    ],
    ['row version 1.5 at 2026-12-06T03:04:05.123Z', 'row version <n> at <time>'],
    [
      'object 5f2b9c0e1d3a4b6c7d8e9f00 gone, pointer 0xdeadbeef',
      'object <hex> gone, pointer <hex>',
    ],
    ['  spaces\n and\tnewlines  ', 'spaces and newlines'],
    ['no user ann.lee+x@example.co.uk here', 'no user <email> here'],
    [
      'bad token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2lnbmF0dXJlMTIz for dly_k3y0123456789abcdefXYZ',
      'bad token <token> for <token>',
    ],
  ])('%s → %s', (input, expected) => {
    expect(normaliseMessage(input)).toBe(expected);
  });

  it('leaves words that merely contain digits alone', () => {
    expect(normaliseMessage('utf8 decoding failed in s3 client')).toBe(
      'utf8 decoding failed in s3 client',
    );
  });

  it('caps very long messages', () => {
    expect(normaliseMessage('x'.repeat(2000)).length).toBeLessThanOrEqual(501);
  });
});

describe('projectFrames', () => {
  it("keeps the project's own frames, relative and without line or column", () => {
    expect(projectFrames(STACK)).toEqual([
      'AssetView.render libs/core/src/projects/asset/asset-view.ts',
      'CreateAssetHandler.execute libs/core/src/projects/asset/commands/create-asset/create-asset.handler.ts',
      '<anonymous> apps/platform/src/main.ts',
    ]);
  });

  it('is empty for no stack or a stack of foreign frames only', () => {
    expect(projectFrames(undefined)).toEqual([]);
    expect(projectFrames('Error: x\n    at f (/srv/node_modules/libs/a.js:1:2)')).toEqual([]);
  });
});

describe('fingerprintError', () => {
  function thrownAt(line: number, id: string): Error {
    const error = new TypeError(`asset ${id} has no version ${line}`);
    error.stack = STACK.replace(':41:17', `:${line}:17`);
    return error;
  }

  it('groups occurrences that differ only in ids, numbers and line numbers', () => {
    const a = fingerprintError(thrownAt(41, '0192f3c4-aaaa-7bbb-8ccc-1234567890ab'));
    const b = fingerprintError(thrownAt(57, '0192f3c4-bbbb-7bbb-8ccc-1234567890ab'));
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a).toMatchObject({
      errorClass: 'TypeError',
      message: 'asset <uuid> has no version <n>',
    });
  });

  it('splits by class, by message and by frames', () => {
    const base = thrownAt(41, 'x');
    const otherClass = new RangeError(base.message);
    otherClass.stack = base.stack;
    const otherMessage = new TypeError('something else');
    otherMessage.stack = base.stack;
    const otherFrames = new TypeError(base.message);
    otherFrames.stack = base.stack?.replace('AssetView.render', 'AssetView.other');
    const prints = [base, otherClass, otherMessage, otherFrames].map(
      (e) => fingerprintError(e).fingerprint,
    );
    expect(new Set(prints).size).toBe(4);
  });

  it('fingerprints thrown values that are not errors', () => {
    expect(errorClassOf('boom')).toBe('thrown string');
    expect(errorClassOf(null)).toBe('null');
    expect(fingerprintError({ code: 42 }).message).toBe('{<value>:<n>}');
  });
});
