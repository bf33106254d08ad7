import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MediaBinaries } from '../process/binaries';
import { fileUrl, runTool } from '../process/run-tool';
import { MediaFacts } from '../probe/media-facts';
import { FFMPEG_BASE } from './ffmpeg-args';
import { MediaOutput, OUTPUT_NAMES } from './output-names';
import { StillOptions } from './stills';

/**
 * Peaks in the JSON shape of BBC's audiowaveform (version 2, 8-bit), which peaks.js and
 * wavesurfer draw: `data` holds a min and a max per `samples_per_pixel` samples, mono.
 */
export interface Waveform {
  version: 2;
  channels: 1;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8;
  length: number;
  data: number[];
}

const SAMPLE_RATE = 8000;
const TARGET_PEAKS = 2000;

/**
 * Folds signed 16-bit little-endian mono samples into min/max pairs. Written here rather than
 * taken from a package: it is a loop over a stream, and audiowaveform itself is a C++ program
 * no npm package ships; ffmpeg does the decoding and resampling.
 */
export class PeakCollector {
  private readonly data: number[] = [];
  private min = 0;
  private max = 0;
  private inBucket = 0;
  private carry: Buffer | null = null;

  constructor(private readonly samplesPerPeak: number) {}

  push(chunk: Buffer): void {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % 2);
    this.carry = whole < bytes.length ? bytes.subarray(whole) : null;
    for (let i = 0; i < whole; i += 2) {
      const sample = bytes.readInt16LE(i);
      if (this.inBucket === 0 || sample < this.min) this.min = sample;
      if (this.inBucket === 0 || sample > this.max) this.max = sample;
      if (++this.inBucket === this.samplesPerPeak) this.flush();
    }
  }

  finish(): number[] {
    if (this.inBucket > 0) this.flush();
    return this.data;
  }

  private flush(): void {
    // 16-bit → 8-bit: an arithmetic shift keeps -128…127.
    this.data.push(this.min >> 8, this.max >> 8);
    this.inBucket = 0;
  }
}

export async function makeWaveform(
  binaries: MediaBinaries,
  input: string,
  outDir: string,
  facts: MediaFacts,
  options: StillOptions = {},
): Promise<MediaOutput> {
  if (!facts.audio) throw new Error('A waveform needs an audio stream');
  const samplesPerPeak = Math.max(
    32,
    Math.ceil((facts.durationSeconds * SAMPLE_RATE) / TARGET_PEAKS),
  );
  const peaks = new PeakCollector(samplesPerPeak);
  await runTool(
    binaries.ffmpeg,
    [
      ...FFMPEG_BASE,
      '-i',
      fileUrl(input),
      '-map',
      '0:a:0',
      '-ac',
      '1',
      '-ar',
      String(SAMPLE_RATE),
      '-f',
      's16le',
      '-c:a',
      'pcm_s16le',
      'pipe:1',
    ],
    {
      timeoutMs: options.timeoutMs ?? 60_000 + facts.durationSeconds * 2_000,
      signal: options.signal,
      onStdout: (chunk) => peaks.push(chunk),
    },
  );
  const data = peaks.finish();
  const waveform: Waveform = {
    version: 2,
    channels: 1,
    sample_rate: SAMPLE_RATE,
    samples_per_pixel: samplesPerPeak,
    bits: 8,
    length: data.length / 2,
    data,
  };
  const out = path.join(outDir, OUTPUT_NAMES.waveform);
  await writeFile(out, JSON.stringify(waveform));
  return {
    kind: 'waveform',
    name: OUTPUT_NAMES.waveform,
    contentType: 'application/json',
    path: out,
  };
}
