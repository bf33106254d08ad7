import { writeFile } from 'node:fs/promises';
import { MediaBinaries } from '../process/binaries';
import { fileUrl, runTool } from '../process/run-tool';

export interface TestClipSpec {
  seconds: number;
  /** ffmpeg's rate syntax: `24000/1001`, `30000/1001`, `25`. Omit for audio only. */
  rate?: string;
  width?: number;
  height?: number;
  /** 0: no audio track. */
  audioChannels?: number;
  /** Default: H.264 in MP4. `mpeg4` in a .mov/.avi also works. */
  videoCodec?: string;
  /** Default 2 minutes (long 1080p clips for benchmarks need more). */
  timeoutMs?: number;
}

/**
 * A synthetic clip made with ffmpeg's own sources: the `testsrc2` pattern (a moving frame
 * counter) and a 440 Hz `sine` tone, so tests need no media files in the repository.
 */
export async function makeTestClip(
  binaries: MediaBinaries,
  output: string,
  spec: TestClipSpec,
): Promise<string> {
  const inputs: string[] = [];
  const codecs: string[] = [];
  if (spec.rate) {
    inputs.push(
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=${spec.width ?? 320}x${spec.height ?? 180}:rate=${spec.rate}:duration=${spec.seconds}`,
    );
    codecs.push(
      '-c:v',
      spec.videoCodec ?? 'libx264',
      ...(spec.videoCodec && spec.videoCodec !== 'libx264' ? [] : ['-preset', 'ultrafast']),
      '-pix_fmt',
      'yuv420p',
    );
  }
  if (spec.audioChannels) {
    inputs.push(
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=440:sample_rate=48000:duration=${spec.seconds}`,
    );
    codecs.push('-c:a', 'aac', '-ac', String(spec.audioChannels));
  }
  await runTool(
    binaries.ffmpeg,
    ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...inputs, ...codecs, fileUrl(output)],
    { timeoutMs: spec.timeoutMs ?? 120_000 },
  );
  return output;
}

/**
 * A broken MP4: a valid `ftyp` box, then a media-data box of junk and no index (`moov`), as a
 * truncated or mangled upload looks. Deterministic: random bytes can happen to look like some
 * raw format a demuxer accepts.
 */
export async function makeCorruptFile(output: string): Promise<string> {
  const ftyp = Buffer.from('00000018667479706d703432000000006d70343269736f6d', 'hex');
  const junk = Buffer.alloc(4096, 'corrupt-');
  const mdat = Buffer.concat([Buffer.from('000010086d646174', 'hex'), junk]);
  await writeFile(output, Buffer.concat([ftyp, mdat]));
  return output;
}
