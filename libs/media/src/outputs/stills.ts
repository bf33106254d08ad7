import path from 'node:path';
import { MediaBinaries } from '../process/binaries';
import { fileUrl, runTool } from '../process/run-tool';
import { MediaFacts } from '../probe/media-facts';
import { FFMPEG_BASE, ffTime, scaledSize } from './ffmpeg-args';
import { MediaOutput, OUTPUT_NAMES } from './output-names';

export interface StillOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** One JPEG of the frame at `seconds`, at most `maxWidth` wide. */
async function still(
  binaries: MediaBinaries,
  input: string,
  output: string,
  seconds: number,
  size: { width: number; height: number },
  options: StillOptions,
): Promise<void> {
  await runTool(
    binaries.ffmpeg,
    [
      ...FFMPEG_BASE,
      // Input seeking: fast, and frame-exact since ffmpeg 2.1 (it decodes from the keyframe).
      '-ss',
      ffTime(seconds),
      '-i',
      fileUrl(input),
      '-map',
      '0:v:0',
      '-frames:v',
      '1',
      '-vf',
      `scale=${size.width}:${size.height}`,
      '-q:v',
      '3',
      '-f',
      'image2',
      '-update',
      '1',
      fileUrl(output),
    ],
    { timeoutMs: options.timeoutMs ?? 60_000, signal: options.signal },
  );
}

/** The poster: the frame at 10% of the way in (past black leaders), up to 1280 wide. */
export async function makePoster(
  binaries: MediaBinaries,
  input: string,
  outDir: string,
  facts: MediaFacts,
  options: StillOptions = {},
): Promise<MediaOutput> {
  const video = requireVideo(facts);
  const out = path.join(outDir, OUTPUT_NAMES.poster);
  await still(
    binaries,
    input,
    out,
    facts.durationSeconds * 0.1,
    scaledSize(video.width, video.height, 1280),
    options,
  );
  return { kind: 'poster', name: OUTPUT_NAMES.poster, contentType: 'image/jpeg', path: out };
}

/** `count` thumbnails, 320 wide, from the middles of `count` equal parts of the media. */
export async function makeThumbnails(
  binaries: MediaBinaries,
  input: string,
  outDir: string,
  facts: MediaFacts,
  count = 5,
  options: StillOptions = {},
): Promise<MediaOutput[]> {
  const video = requireVideo(facts);
  const size = scaledSize(video.width, video.height, 320);
  const outputs: MediaOutput[] = [];
  for (let i = 0; i < count; i++) {
    const name = OUTPUT_NAMES.thumbnail(i);
    const out = path.join(outDir, name);
    await still(binaries, input, out, (facts.durationSeconds * (i + 0.5)) / count, size, options);
    outputs.push({ kind: 'thumbnail', name, contentType: 'image/jpeg', path: out });
  }
  return outputs;
}

export function requireVideo(facts: MediaFacts): NonNullable<MediaFacts['video']> {
  if (!facts.video) throw new Error('This output needs a video stream');
  return facts.video;
}
