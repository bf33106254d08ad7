import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { MediaBinaries } from '../process/binaries';
import { fileUrl, runTool } from '../process/run-tool';
import { MediaFacts } from '../probe/media-facts';
import { FFMPEG_BASE } from './ffmpeg-args';
import { MediaOutput, OUTPUT_NAMES } from './output-names';
import { StillOptions } from './stills';

/** Seconds per segment: Apple's recommendation for VOD, and a short wait before playback. */
export const HLS_SEGMENT_SECONDS = 6;

/**
 * HLS (VOD, fragmented-MP4 segments after one init segment) cut from the proxy without
 * re-encoding: the proxy is already H.264 + AAC, so `-c copy` makes this cheap. Fragmented MP4
 * rather than MPEG-TS: hls.js and Safari play both, and the ffprobe build this project ships
 * crashes on MPEG-TS (docs/media.md). Segment names are fixed by their index, so a retry
 * overwrites instead of adding.
 */
export function hlsArgs(proxy: string, outDir: string): string[] {
  return [
    ...FFMPEG_BASE,
    '-i',
    fileUrl(proxy),
    '-c',
    'copy',
    '-f',
    'hls',
    '-hls_time',
    String(HLS_SEGMENT_SECONDS),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'fmp4',
    '-hls_fmp4_init_filename',
    OUTPUT_NAMES.hlsInit,
    '-hls_segment_filename',
    fileUrl(path.join(outDir, OUTPUT_NAMES.hlsSegmentPattern)),
    fileUrl(path.join(outDir, OUTPUT_NAMES.hlsPlaylist)),
  ];
}

/** The playlist first, then the init segment and the media segments in order. */
export async function makeHls(
  binaries: MediaBinaries,
  proxy: string,
  outDir: string,
  facts: MediaFacts,
  options: StillOptions = {},
): Promise<MediaOutput[]> {
  await runTool(binaries.ffmpeg, hlsArgs(proxy, outDir), {
    timeoutMs: options.timeoutMs ?? 60_000 + facts.durationSeconds * 1_000,
    signal: options.signal,
  });
  const segments = (await readdir(outDir)).filter((name) => OUTPUT_NAMES.isHlsSegment(name)).sort();
  const segment = (name: string): MediaOutput => ({
    kind: 'hls_segment',
    name,
    contentType: 'video/mp4',
    path: path.join(outDir, name),
  });
  return [
    {
      kind: 'hls_playlist',
      name: OUTPUT_NAMES.hlsPlaylist,
      contentType: 'application/vnd.apple.mpegurl',
      path: path.join(outDir, OUTPUT_NAMES.hlsPlaylist),
    },
    segment(OUTPUT_NAMES.hlsInit),
    ...segments.map(segment),
  ];
}
