/** Token of the ffmpeg/ffprobe pair (FFMPEG_PATH/FFPROBE_PATH or the npm-shipped builds). */
export const MEDIA_BINARIES = Symbol('MEDIA_BINARIES');
