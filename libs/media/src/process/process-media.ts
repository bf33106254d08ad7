import { mkdir } from 'node:fs/promises';
import { makeHls } from '../outputs/hls';
import { makeProxy } from '../outputs/proxy';
import { makeSprite } from '../outputs/sprite';
import { makePoster, makeThumbnails } from '../outputs/stills';
import { makeWaveform } from '../outputs/waveform';
import { MediaOutput } from '../outputs/output-names';
import { MediaFacts } from '../probe/media-facts';
import { probeMedia } from '../probe/probe';
import { MediaBinaries } from './binaries';

export interface ProcessMediaOptions {
  thumbnails?: number;
  signal?: AbortSignal;
}

export interface ProcessedMedia {
  facts: MediaFacts;
  outputs: MediaOutput[];
}

/**
 * Everything one file yields, in `outDir` under fixed names: the facts first (a file ffprobe
 * cannot read fails here, before any encoding), then the stills, sprite, proxy (and HLS cut from
 * it) and waveform that its streams allow.
 */
export async function processMedia(
  binaries: MediaBinaries,
  input: string,
  outDir: string,
  options: ProcessMediaOptions = {},
): Promise<ProcessedMedia> {
  const run = { signal: options.signal };
  const facts = await probeMedia(binaries, input, run);
  await mkdir(outDir, { recursive: true });
  const outputs: MediaOutput[] = [];
  if (facts.video) {
    outputs.push(await makePoster(binaries, input, outDir, facts, run));
    outputs.push(
      ...(await makeThumbnails(binaries, input, outDir, facts, options.thumbnails ?? 5, run)),
    );
    outputs.push(...(await makeSprite(binaries, input, outDir, facts, run)));
  }
  const proxy = await makeProxy(binaries, input, outDir, facts, run);
  outputs.push(proxy);
  if (facts.video) outputs.push(...(await makeHls(binaries, proxy.path, outDir, facts, run)));
  if (facts.audio) outputs.push(await makeWaveform(binaries, input, outDir, facts, run));
  return { facts, outputs };
}
