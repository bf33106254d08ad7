import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeCorruptFile, makeTestClip } from '../testing';
import { frameRate, FrameRate, frameToSeconds } from '../timecode';
import { probeMedia } from '../probe/probe';
import { SpriteLayout } from '../outputs/sprite';
import { Waveform } from '../outputs/waveform';
import { mediaBinaries } from './binaries';
import { MediaProcessingError } from './media-error';
import { processMedia } from './process-media';

// Real ffmpeg/ffprobe (the binaries the npm packages ship, or FFMPEG_PATH/FFPROBE_PATH) on short
// synthetic clips: odd NTSC rates, stereo and mono tones, a video-only file in another codec, and
// bytes that are no media at all.

const binaries = mediaBinaries({
  FFMPEG_PATH: process.env.FFMPEG_PATH,
  FFPROBE_PATH: process.env.FFPROBE_PATH,
});
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'media-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const oneFrame = (rate: FrameRate): number => frameToSeconds(1, rate);

describe('probing', () => {
  it.each([
    ['23.976', '24000/1001', frameRate(24000, 1001), 48],
    ['29.97', '30000/1001', frameRate(30000, 1001), 60],
    ['25', '25', frameRate(25), 50],
  ])('reads the facts of a %s fps clip from the file', async (_label, rateText, rate, frames) => {
    const clip = await makeTestClip(binaries, path.join(dir, `probe-${rate.num}.mp4`), {
      seconds: 2,
      rate: rateText,
      width: 320,
      height: 180,
      audioChannels: 2,
    });
    const facts = await probeMedia(binaries, clip);
    expect(facts.video).toMatchObject({ codec: 'h264', width: 320, height: 180, frameRate: rate });
    expect(facts.video?.frameCount).toBe(frames);
    expect(facts.audio).toMatchObject({ codec: 'aac', channels: 2, sampleRate: 48000 });
    expect(Math.abs(facts.durationSeconds - 2)).toBeLessThanOrEqual(oneFrame(rate) + 0.03);
    expect(facts.container).toContain('mp4');
  });

  it('fails a file that is not media with what ffprobe said', async () => {
    const bad = await makeCorruptFile(path.join(dir, 'corrupt.mov'));
    const error = await probeMedia(binaries, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaProcessingError);
    expect(error).toMatchObject({ kind: 'unreadable', permanent: true });
    expect((error as MediaProcessingError).reason).toMatch(/Invalid data found/);
    // The reason names the file, never the machine's folders.
    expect((error as MediaProcessingError).reason).not.toContain(dir);
    expect((error as MediaProcessingError).reason).not.toMatch(/0x[0-9a-f]+/);
  });
});

describe('processing', () => {
  it.each([
    ['23.976', '24000/1001', frameRate(24000, 1001)],
    ['29.97', '30000/1001', frameRate(30000, 1001)],
  ])(
    'turns a %s fps clip into stills, a sprite, a playable proxy, HLS and a waveform',
    async (_l, rateText, rate) => {
      const clip = await makeTestClip(binaries, path.join(dir, `src-${rate.num}.mp4`), {
        seconds: 2,
        rate: rateText,
        width: 640,
        height: 360,
        audioChannels: 2,
      });
      const out = path.join(dir, `out-${rate.num}`);
      const { facts, outputs } = await processMedia(binaries, clip, out, { thumbnails: 3 });

      expect(outputs.map((o) => o.name).sort()).toEqual(
        [
          'hls-00000.m4s',
          'hls-init.mp4',
          'hls.m3u8',
          'poster.jpg',
          'proxy.mp4',
          'sprite.jpg',
          'sprite.json',
          'thumb-01.jpg',
          'thumb-02.jpg',
          'thumb-03.jpg',
          'waveform.json',
        ].sort(),
      );

      const proxy = await probeMedia(binaries, path.join(out, 'proxy.mp4'));
      expect(proxy.video).toMatchObject({
        codec: 'h264',
        width: 640,
        height: 360,
        frameRate: rate,
        pixelFormat: 'yuv420p',
      });
      expect(proxy.audio).toMatchObject({ codec: 'aac', channels: 2 });
      expect(Math.abs(proxy.durationSeconds - facts.durationSeconds)).toBeLessThanOrEqual(
        oneFrame(rate),
      );
      expect(proxy.video?.frameCount).toBe(facts.video?.frameCount);
      // faststart: the index (moov) comes before the media data (mdat).
      const head = (await readFile(path.join(out, 'proxy.mp4')))
        .subarray(0, 4096)
        .toString('latin1');
      expect(head.indexOf('moov')).toBeGreaterThan(-1);
      expect(head.indexOf('moov')).toBeLessThan(Math.max(head.indexOf('mdat'), 4096));

      // HLS cut from the proxy: a VOD playlist whose segments add up to the file's duration.
      const playlist = await readFile(path.join(out, 'hls.m3u8'), 'utf8');
      expect(playlist).toMatch(/^#EXTM3U\n/);
      expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(playlist.trim().endsWith('#EXT-X-ENDLIST')).toBe(true);
      const segmentSeconds = [...playlist.matchAll(/#EXTINF:([\d.]+),/g)].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
      expect(Math.abs(segmentSeconds - facts.durationSeconds)).toBeLessThan(0.1);
      expect(playlist).toContain('#EXT-X-MAP:URI="hls-init.mp4"');
      // Played as a player does (ffprobe's HLS demuxer: init segment, then each segment).
      const hls = await probeMedia(binaries, path.join(out, 'hls.m3u8'));
      expect(hls).toMatchObject({ video: { codec: 'h264' }, audio: { codec: 'aac' } });
      expect(Math.abs(hls.durationSeconds - facts.durationSeconds)).toBeLessThan(0.1);

      const poster = await probeMedia(binaries, path.join(out, 'poster.jpg'));
      expect(poster.video).toMatchObject({ codec: 'mjpeg', width: 640, height: 360 });
      const thumb = await probeMedia(binaries, path.join(out, 'thumb-02.jpg'));
      expect(thumb.video).toMatchObject({ codec: 'mjpeg', width: 320, height: 180 });

      const layout = JSON.parse(
        await readFile(path.join(out, 'sprite.json'), 'utf8'),
      ) as SpriteLayout;
      expect(layout).toMatchObject({
        count: 4,
        columns: 4,
        rows: 1,
        tileWidth: 160,
        tileHeight: 90,
        intervalSeconds: 0.5,
      });
      const sprite = await probeMedia(binaries, path.join(out, 'sprite.jpg'));
      expect(sprite.video).toMatchObject({
        width: layout.columns * layout.tileWidth,
        height: layout.rows * layout.tileHeight,
      });

      const waveform = JSON.parse(
        await readFile(path.join(out, 'waveform.json'), 'utf8'),
      ) as Waveform;
      expect(waveform).toMatchObject({ version: 2, channels: 1, bits: 8, sample_rate: 8000 });
      expect(waveform.data).toHaveLength(waveform.length * 2);
      // One min/max pair per bucket of the decoded audio (AAC priming and padding add a bucket or two).
      const buckets = (facts.durationSeconds * 8000) / waveform.samples_per_pixel;
      expect(Math.abs(waveform.length - buckets)).toBeLessThanOrEqual(2);
      // A steady tone: every bucket swings both ways by about the same amount.
      const maxima = waveform.data.filter((_, i) => i % 2 === 1);
      // (The sine's amplitude is 1/8 of full scale: ±4096 in 16 bits, ±16 in 8.)
      const minima = waveform.data.filter((_, i) => i % 2 === 0);
      const loud = maxima.filter((max, i) => max >= 8 && minima[i] <= -8);
      expect(loud.length / maxima.length).toBeGreaterThan(0.95);
      expect(Math.max(...maxima)).toBeLessThanOrEqual(20);
      expect(waveform.data.every((v) => v >= -128 && v <= 127)).toBe(true);
    },
  );

  it('overwrites its outputs on a second run instead of adding to them', async () => {
    const clip = await makeTestClip(binaries, path.join(dir, 'retry.mp4'), {
      seconds: 1,
      rate: '25',
      audioChannels: 1,
    });
    const out = path.join(dir, 'out-retry');
    await processMedia(binaries, clip, out, { thumbnails: 2 });
    const first = (await readdir(out)).sort();
    await processMedia(binaries, clip, out, { thumbnails: 2 });
    expect((await readdir(out)).sort()).toEqual(first);
  });

  it('handles audio only (AAC proxy and waveform, no pictures) and video only (no waveform)', async () => {
    const tone = await makeTestClip(binaries, path.join(dir, 'tone.m4a'), {
      seconds: 1.5,
      audioChannels: 1,
    });
    const audioOut = path.join(dir, 'out-tone');
    const audio = await processMedia(binaries, tone, audioOut);
    expect(audio.facts).toMatchObject({ video: null, audio: { channels: 1 } });
    expect(audio.outputs.map((o) => o.name).sort()).toEqual(['proxy.mp4', 'waveform.json']);
    expect(audio.outputs.find((o) => o.kind === 'proxy')?.contentType).toBe('audio/mp4');
    const audioProxy = await probeMedia(binaries, path.join(audioOut, 'proxy.mp4'));
    expect(audioProxy).toMatchObject({ video: null, audio: { codec: 'aac', channels: 1 } });

    const silent = await makeTestClip(binaries, path.join(dir, 'silent.avi'), {
      seconds: 1,
      rate: '30000/1001',
      videoCodec: 'mpeg4',
    });
    const videoOut = path.join(dir, 'out-silent');
    const video = await processMedia(binaries, silent, videoOut, { thumbnails: 1 });
    expect(video.facts.video).toMatchObject({ codec: 'mpeg4', frameRate: frameRate(30000, 1001) });
    expect(video.outputs.map((o) => o.kind)).not.toContain('waveform');
    const videoProxy = await probeMedia(binaries, path.join(videoOut, 'proxy.mp4'));
    expect(videoProxy).toMatchObject({ audio: null, video: { codec: 'h264' } });
  });

  it('fails a corrupt file before writing anything', async () => {
    const bad = await makeCorruptFile(path.join(dir, 'bad.mp4'));
    const out = path.join(dir, 'out-bad');
    await expect(processMedia(binaries, bad, out)).rejects.toMatchObject({ kind: 'unreadable' });
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
