import {
  expectedPartSize,
  MIN_PART_BYTES,
  partsToSend,
  planUpload,
  verifyParts,
} from './upload-plan';

const MiB = 1024 ** 2;
const part = (partNumber: number, size: number) => ({ partNumber, size, etag: `e${partNumber}` });

describe('upload plan', () => {
  it('cuts a file into parts of the asked size, the last one the rest', () => {
    const plan = planUpload(12 * MiB, 5 * MiB);
    expect(plan).toEqual({ filesize: 12 * MiB, partSize: 5 * MiB, partCount: 3 });
    if (typeof plan === 'string') throw new Error(plan);
    expect([1, 2, 3].map((n) => expectedPartSize(plan, n))).toEqual([5 * MiB, 5 * MiB, 2 * MiB]);
  });

  it('defaults to 16 MiB parts, larger when 10,000 would not do, and one part for small files', () => {
    expect(planUpload(100)).toEqual({ filesize: 100, partSize: 16 * MiB, partCount: 1 });
    const huge = planUpload(400 * 1024 * MiB);
    if (typeof huge === 'string') throw new Error(huge);
    expect(huge.partCount).toBeLessThanOrEqual(10_000);
  });

  it('refuses parts under 5 MiB and plans over 10,000 parts, saying what to change', () => {
    expect(planUpload(10 * MiB, MIN_PART_BYTES - 1)).toMatch(/at least 5242880/);
    expect(planUpload(60_000 * MiB, 5 * MiB)).toMatch(/12000 parts; at most 10000: use larger/);
  });

  it('accepts exactly the announced parts and names missing or short ones', () => {
    const plan = { filesize: 12 * MiB, partSize: 5 * MiB, partCount: 3 };
    const all = [part(1, 5 * MiB), part(2, 5 * MiB), part(3, 2 * MiB)];
    expect(verifyParts(plan, all)).toEqual({ complete: true, parts: all });
    const gap = verifyParts(plan, [all[0], all[2]]);
    expect(gap).toMatchObject({ complete: false, missing: [2] });
    expect(gap.complete ? '' : gap.problem).toBe('missing part(s) 2');
    const short = verifyParts(plan, [all[0], part(2, 4 * MiB), all[2]]);
    expect(short.complete ? '' : short.problem).toBe(
      `part 2 holds ${4 * MiB} bytes, not ${5 * MiB}`,
    );
    expect(partsToSend(plan, [part(2, 1)])).toEqual([1, 2, 3]);
    expect(partsToSend(plan, all)).toEqual([]);
  });
});
