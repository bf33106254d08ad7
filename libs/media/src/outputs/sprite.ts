import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MediaBinaries } from '../process/binaries';
import { frameToSeconds } from '../timecode';
import { fileUrl, runTool } from '../process/run-tool';
import { MediaFacts } from '../probe/media-facts';
import { FFMPEG_BASE, scaledSize } from './ffmpeg-args';
import { MediaOutput, OUTPUT_NAMES } from './output-names';
import { requireVideo, StillOptions } from './stills';

/** Where each scrubbing tile sits: tile i shows time i × intervalSeconds. */
export interface SpriteLayout {
  image: string;
  columns: number;
  rows: number;
  count: number;
  tileWidth: number;
  tileHeight: number;
  intervalSeconds: number;
}

const MAX_TILES = 100;
const MIN_INTERVAL = 0.5;
const TILE_WIDTH = 160;

export function spriteLayoutFor(facts: MediaFacts): SpriteLayout {
  const video = requireVideo(facts);
  // The picture's own length (the container's may include audio priming past the last frame).
  const seconds = frameToSeconds(video.frameCount, video.frameRate);
  const intervalSeconds = Math.max(MIN_INTERVAL, seconds / MAX_TILES);
  // Tiles at 0, interval, 2 × interval, … while a frame is shown there.
  const count = Math.min(MAX_TILES, Math.max(1, Math.floor(seconds / intervalSeconds + 1e-6)));
  const columns = Math.min(10, count);
  const tile = scaledSize(video.width, video.height, TILE_WIDTH);
  return {
    image: OUTPUT_NAMES.sprite,
    columns,
    rows: Math.ceil(count / columns),
    count,
    tileWidth: tile.width,
    tileHeight: tile.height,
    intervalSeconds,
  };
}

/** One JPEG grid of small frames every `intervalSeconds`, and its layout as JSON beside it. */
export async function makeSprite(
  binaries: MediaBinaries,
  input: string,
  outDir: string,
  facts: MediaFacts,
  options: StillOptions = {},
): Promise<MediaOutput[]> {
  const layout = spriteLayoutFor(facts);
  const image = path.join(outDir, OUTPUT_NAMES.sprite);
  await runTool(
    binaries.ffmpeg,
    [
      ...FFMPEG_BASE,
      '-i',
      fileUrl(input),
      '-map',
      '0:v:0',
      '-vf',
      `fps=1/${layout.intervalSeconds},scale=${layout.tileWidth}:${layout.tileHeight},` +
        `tile=${layout.columns}x${layout.rows}`,
      '-frames:v',
      '1',
      '-q:v',
      '4',
      '-f',
      'image2',
      '-update',
      '1',
      fileUrl(image),
    ],
    {
      timeoutMs: options.timeoutMs ?? 60_000 + facts.durationSeconds * 2_000,
      signal: options.signal,
    },
  );
  const json = path.join(outDir, OUTPUT_NAMES.spriteLayout);
  await writeFile(json, JSON.stringify(layout));
  return [
    { kind: 'sprite', name: OUTPUT_NAMES.sprite, contentType: 'image/jpeg', path: image },
    {
      kind: 'sprite_layout',
      name: OUTPUT_NAMES.spriteLayout,
      contentType: 'application/json',
      path: json,
    },
  ];
}
