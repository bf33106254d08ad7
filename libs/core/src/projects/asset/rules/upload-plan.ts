import type { StoredPart } from '@dailies/storage';

// S3's multipart limits, kept for the local store too so a client behaves the same against both.
export const MIN_PART_BYTES = 5 * 1024 ** 2;
export const MAX_PART_BYTES = 5 * 1024 ** 3;
export const MAX_PARTS = 10_000;
export const MAX_FILE_BYTES = 5 * 1024 ** 4;
const DEFAULT_PART_BYTES = 16 * 1024 ** 2;

/** How a file of `filesize` bytes is cut: parts of `partSize`, the last one the rest. */
export interface UploadPlan {
  filesize: number;
  partSize: number;
  partCount: number;
}

/** The part size a client asked for, or a default that keeps within 10,000 parts. */
export function planUpload(filesize: number, partSize?: number): UploadPlan | string {
  const size = partSize ?? Math.max(DEFAULT_PART_BYTES, Math.ceil(filesize / MAX_PARTS));
  if (size < MIN_PART_BYTES) return `partSize must be at least ${MIN_PART_BYTES} bytes (5 MiB)`;
  if (size > MAX_PART_BYTES) return `partSize must be at most ${MAX_PART_BYTES} bytes (5 GiB)`;
  const partCount = Math.ceil(filesize / size);
  if (partCount > MAX_PARTS) {
    return `${filesize} bytes in parts of ${size} would take ${partCount} parts; at most ${MAX_PARTS}: use larger parts`;
  }
  return { filesize, partSize: size, partCount };
}

/** The size part `partNumber` must have. */
export function expectedPartSize(plan: UploadPlan, partNumber: number): number {
  return partNumber < plan.partCount
    ? plan.partSize
    : plan.filesize - plan.partSize * (plan.partCount - 1);
}

export type PartsVerdict =
  | { complete: true; parts: StoredPart[] }
  | { complete: false; missing: number[]; wrongSize: StoredPart[]; problem: string };

/**
 * Whether what storage holds is the announced file: every part 1…partCount present, each of its
 * expected size (so the total is the announced size), nothing beyond. A client's word counts for
 * nothing here; only the parts storage lists.
 */
export function verifyParts(plan: UploadPlan, stored: readonly StoredPart[]): PartsVerdict {
  const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
  const missing: number[] = [];
  const wrongSize: StoredPart[] = [];
  const parts: StoredPart[] = [];
  for (let n = 1; n <= plan.partCount; n++) {
    const part = byNumber.get(n);
    if (!part) missing.push(n);
    else if (part.size !== expectedPartSize(plan, n)) wrongSize.push(part);
    else parts.push(part);
  }
  if (!missing.length && !wrongSize.length) return { complete: true, parts };
  const problems = [
    ...(missing.length ? [`missing part(s) ${listed(missing)}`] : []),
    ...wrongSize.map(
      (p) =>
        `part ${p.partNumber} holds ${p.size} bytes, not ${expectedPartSize(plan, p.partNumber)}`,
    ),
  ];
  return { complete: false, missing, wrongSize, problem: problems.join('; ') };
}

/** The part numbers still to send (missing, or stored with the wrong size), in order. */
export function partsToSend(plan: UploadPlan, stored: readonly StoredPart[]): number[] {
  const verdict = verifyParts(plan, stored);
  if (verdict.complete) return [];
  return [...verdict.missing, ...verdict.wrongSize.map((p) => p.partNumber)].sort((a, b) => a - b);
}

function listed(numbers: number[]): string {
  const shown = numbers.slice(0, 20).join(', ');
  return numbers.length > 20 ? `${shown} and ${numbers.length - 20} more` : shown;
}
