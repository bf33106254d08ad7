import { spawn } from 'node:child_process';
import path from 'node:path';
import { MediaProcessingError } from './media-error';

export interface RunToolOptions {
  timeoutMs: number;
  /** Receives stdout as it arrives (else it is collected and returned). */
  onStdout?: (chunk: Buffer) => void;
  signal?: AbortSignal;
}

/** Keep the last bytes of stderr only: ffmpeg can print megabytes of warnings on bad input. */
const STDERR_TAIL = 8 * 1024;

/** Lines of ffmpeg's stderr that explain a failure, with the input/output paths removed. */
export function reasonFromStderr(stderr: string, paths: readonly string[] = []): string {
  let text = stderr;
  for (const p of paths) text = text.split(p).join(path.basename(p));
  // `[mov,mp4,… @ 0x10964140]`: the address means nothing to anyone reading the reason.
  text = text.replace(/ @ 0x[0-9a-f]+\]/g, ']');
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(ffmpeg|ffprobe) version|^built with|^configuration:|^lib\w+\s/.test(l));
  return lines.slice(-3).join('; ').slice(0, 500) || 'no message';
}

/** ffprobe/ffmpeg messages that mean the input itself is unreadable. */
const UNREADABLE =
  /Invalid data found|moov atom not found|could not find codec parameters|End of file|does not contain any stream|no such file/i;

/**
 * Runs ffmpeg or ffprobe with an argument array (never a shell: file names are data), under a
 * timeout, and fails with a `MediaProcessingError` whose reason is what the tool printed.
 */
export function runTool(
  binary: string,
  args: readonly string[],
  options: RunToolOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      if (options.onStdout) options.onStdout(chunk);
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    const paths = args.filter((a) => a.includes(path.sep));
    const tool = path.basename(binary);
    child.on('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(new MediaProcessingError('tool_failed', `${tool} could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (code === 0) return resolve(Buffer.concat(out));
      if (timedOut) {
        return reject(
          new MediaProcessingError('timeout', `${tool} took longer than ${options.timeoutMs} ms`),
        );
      }
      if (options.signal?.aborted) {
        return reject(new MediaProcessingError('timeout', `${tool} was stopped (job aborted)`));
      }
      const reason = reasonFromStderr(stderr, paths);
      const kind = UNREADABLE.test(stderr) ? 'unreadable' : 'tool_failed';
      reject(
        new MediaProcessingError(kind, `${tool} failed (${signal ?? `exit ${code}`}): ${reason}`),
      );
    });
  });
}

/**
 * A path as ffmpeg's `file:` protocol: a name with a colon (`a:b.mov`) or a leading dash is then
 * never read as another protocol or an option.
 */
export const fileUrl = (p: string): string => `file:${path.resolve(p)}`;
