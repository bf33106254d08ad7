/** The two programs media processing runs. */
export interface MediaBinaries {
  ffmpeg: string;
  ffprobe: string;
}

/**
 * `FFMPEG_PATH`/`FFPROBE_PATH` when set (a system ffmpeg, a newer build), else the static builds
 * the `@ffmpeg-installer`/`@ffprobe-installer` packages carry in their tarballs: `npm install`
 * alone gives a working pair on linux-x64, with no download at install time. The packages are
 * loaded only when needed: they throw on a platform they have no binary for, which must not
 * stop a process that has an override (or never processes media) from starting.
 */
export function mediaBinaries(
  config: { FFMPEG_PATH?: string; FFPROBE_PATH?: string } = {},
): MediaBinaries {
  return {
    ffmpeg:
      config.FFMPEG_PATH ??
      (require('@ffmpeg-installer/ffmpeg') as typeof import('@ffmpeg-installer/ffmpeg')).path,
    ffprobe:
      config.FFPROBE_PATH ??
      (require('@ffprobe-installer/ffprobe') as typeof import('@ffprobe-installer/ffprobe')).path,
  };
}
