import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileUrl, mediaBinaries, probeMedia, processMedia, runTool } from '@dailies/media';
import { makeTestClip } from '@dailies/media/testing';

/**
 * `npm run bench:media`: full processing (probe, poster, 5 thumbnails, sprite, H.264/AAC proxy,
 * waveform) of a generated 1080p 23.976 fps clip with stereo audio, as seconds of processing per
 * minute of media, against a bare `ffmpeg -i in -c:v libx264 -preset veryfast proxy.mp4` of the
 * same clip in the same process. BENCH_MEDIA_SECONDS (default 20) sets the clip's length;
 * FFMPEG_PATH/FFPROBE_PATH as for the platform.
 */
async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_MEDIA_SECONDS ?? 20);
  const binaries = mediaBinaries({
    FFMPEG_PATH: process.env.FFMPEG_PATH,
    FFPROBE_PATH: process.env.FFPROBE_PATH,
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-media-'));
  const perMinute = (ms: number) => ms / 1000 / (seconds / 60);
  try {
    const clip = path.join(dir, 'source.mp4');
    console.log(`generating a ${seconds} s 1920x1080 23.976 fps clip with stereo audio…`);
    await makeTestClip(binaries, clip, {
      seconds,
      rate: '24000/1001',
      width: 1920,
      height: 1080,
      audioChannels: 2,
      timeoutMs: 60 * 60_000,
    });
    const facts = await probeMedia(binaries, clip);
    console.log(
      `  ${facts.video?.width}x${facts.video?.height}, ${facts.video?.frameCount} frames, ` +
        `${facts.durationSeconds.toFixed(3)} s`,
    );

    let start = performance.now();
    await runTool(
      binaries.ffmpeg,
      [
        '-nostdin',
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-i',
        fileUrl(clip),
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        fileUrl(path.join(dir, 'bare-proxy.mp4')),
      ],
      { timeoutMs: 60 * 60_000 },
    );
    const bare = performance.now() - start;

    start = performance.now();
    const { outputs } = await processMedia(binaries, clip, path.join(dir, 'out'));
    const full = performance.now() - start;

    console.log(
      `  bare ffmpeg veryfast proxy: ${perMinute(bare).toFixed(1)} s per minute of media`,
    );
    console.log(
      `  full processing (${outputs.length} outputs): ${perMinute(full).toFixed(1)} s per minute of media`,
    );
    console.log(`  ratio full / bare:          ${(full / bare).toFixed(2)}×`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(
    `\n${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ` +
      new Date().toISOString(),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
