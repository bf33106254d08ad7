import { createHash } from 'node:crypto';

/** What groups one uncaught error with its repeats: class, normalised message, own frames. */
export interface ErrorFingerprint {
  /** sha256 (hex, 32 chars) of the three parts below. */
  fingerprint: string;
  errorClass: string;
  /** The message with its variable parts (ids, numbers, quoted values) replaced by placeholders. */
  message: string;
  /** The project's own stack frames, without line and column: `function path/in/repo.ts`. */
  frames: string[];
}

const MAX_MESSAGE = 500;
const MAX_FRAMES = 10;

// Order matters: quoted values first (they may hold numbers and ids), then ids, then numbers.
const PLACEHOLDERS: [RegExp, string][] = [
  [/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '<value>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  // E-mail addresses and (below) token-like strings (JWTs, API keys): they vary, and they do
  // not belong in an alert mail.
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>'],
  [/\b\d{4}-\d{2}-\d{2}T[\d:.]+Z?/g, '<time>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  // Long hex strings with both digits and letters (hashes, object ids).
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b/gi, '<hex>'],
  [/\b(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{20,}(?:\.[\w-]+){0,2}/gi, '<token>'],
  [/-?\b\d+(?:\.\d+)?\b/g, '<n>'],
];

/** The message with the parts that change from one occurrence to the next made constant. */
export function normaliseMessage(message: string): string {
  let out = message;
  for (const [pattern, placeholder] of PLACEHOLDERS) out = out.replace(pattern, placeholder);
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > MAX_MESSAGE ? `${out.slice(0, MAX_MESSAGE)}…` : out;
}

// "    at fn (/abs/path/libs/core/src/x.ts:12:34)" or "    at /abs/path/apps/a/main.ts:1:2"
const FRAME = /^\s*at (?:(.+?) \()?(.+?)(?::\d+)?(?::\d+)?\)?$/;
const OWN_PATH = /(?:^|[\\/])((?:apps|libs|tools)[\\/].+)$/;

/**
 * The frames of the project's own code (apps/, libs/, tools/; never node_modules or Node's
 * internals), as `function path` without line or column, so that an edit elsewhere in a file
 * does not split a group.
 */
export function projectFrames(stack: string | undefined): string[] {
  if (!stack) return [];
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const location = match[2].replace(/^file:\/\//, '');
    if (/node_modules|^node:|^internal\//.test(location)) continue;
    const own = OWN_PATH.exec(location);
    if (!own) continue;
    const fn = (match[1] ?? '<anonymous>').replace(/^async /, '').replace(/ \[as [^\]]+\]$/, '');
    frames.push(`${fn} ${own[1].replace(/\\/g, '/')}`);
    if (frames.length === MAX_FRAMES) break;
  }
  return frames;
}

/** The class of what was thrown: an Error's constructor name, or the type of a thrown value. */
export function errorClassOf(error: unknown): string {
  if (error instanceof Error) return error.constructor?.name || error.name || 'Error';
  if (error === null) return 'null';
  return `thrown ${typeof error}`;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  } catch {
    return String(error);
  }
}

export function fingerprintError(error: unknown): ErrorFingerprint {
  const errorClass = errorClassOf(error);
  const message = normaliseMessage(messageOf(error));
  const frames = projectFrames(error instanceof Error ? error.stack : undefined);
  const fingerprint = createHash('sha256')
    .update([errorClass, message, ...frames].join('\n'))
    .digest('hex')
    .slice(0, 32);
  return { fingerprint, errorClass, message, frames };
}
