import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import ffprobeInstaller from '@ffprobe-installer/ffprobe';

/** The two programs media processing runs. */
export interface MediaBinaries {
  ffmpeg: string;
  ffprobe: string;
}

/**
 * `FFMPEG_PATH`/`FFPROBE_PATH` when set (a system ffmpeg, a newer build), else the static builds
 * the `@ffmpeg-installer`/`@ffprobe-installer` packages carry in their tarballs: `npm install`
 * alone gives a working pair on linux-x64, with no download at install time.
 */
export function mediaBinaries(
  config: { FFMPEG_PATH?: string; FFPROBE_PATH?: string } = {},
): MediaBinaries {
  return {
    ffmpeg: config.FFMPEG_PATH ?? ffmpegInstaller.path,
    ffprobe: config.FFPROBE_PATH ?? ffprobeInstaller.path,
  };
}
