import path from 'node:path';
import { MediaBinaries } from '../process/binaries';
import { fileUrl, runTool } from '../process/run-tool';
import { MediaFacts } from '../probe/media-facts';
import { FFMPEG_BASE, scaledSize } from './ffmpeg-args';
import { MediaOutput, OUTPUT_NAMES } from './output-names';
import { StillOptions } from './stills';

/** H.264 (yuv420p, ≤ 1280 wide) + AAC in an MP4 with its index up front (plays while loading). */
export function proxyArgs(input: string, output: string, facts: MediaFacts): string[] {
  const video = facts.video
    ? (() => {
        const size = scaledSize(facts.video.width, facts.video.height, 1280);
        return [
          '-map',
          '0:v:0',
          '-c:v',
          'libx264',
          '-preset',
          'veryfast',
          '-crf',
          '23',
          '-profile:v',
          'high',
          '-pix_fmt',
          'yuv420p',
          // A key frame every 2 s: seeks land close, and HLS cuts ~6 s segments from it.
          '-force_key_frames',
          'expr:gte(t,n_forced*2)',
          '-vf',
          `scale=${size.width}:${size.height}`,
        ];
      })()
    : ['-vn'];
  const audio = facts.audio
    ? [
        '-map',
        '0:a:0',
        '-c:a',
        'aac',
        '-b:a',
        '128k',
        '-ac',
        String(Math.min(2, Math.max(1, facts.audio.channels))),
      ]
    : ['-an'];
  return [
    ...FFMPEG_BASE,
    '-i',
    fileUrl(input),
    ...video,
    ...audio,
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    fileUrl(output),
  ];
}

export async function makeProxy(
  binaries: MediaBinaries,
  input: string,
  outDir: string,
  facts: MediaFacts,
  options: StillOptions = {},
): Promise<MediaOutput> {
  const out = path.join(outDir, OUTPUT_NAMES.proxy);
  await runTool(binaries.ffmpeg, proxyArgs(input, out, facts), {
    // Generous: a busy 2-core machine encodes 1080p at well under real time.
    timeoutMs: options.timeoutMs ?? 120_000 + facts.durationSeconds * 10_000,
    signal: options.signal,
  });
  return {
    kind: 'proxy',
    name: OUTPUT_NAMES.proxy,
    contentType: facts.video ? 'video/mp4' : 'audio/mp4',
    path: out,
  };
}
