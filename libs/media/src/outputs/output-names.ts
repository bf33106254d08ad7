/**
 * The fixed names of a version's outputs: the same input always yields the same names, so a
 * retry overwrites what an earlier try left instead of adding to it.
 */
export const OUTPUT_NAMES = {
  poster: 'poster.jpg',
  thumbnail: (index: number): string => `thumb-${String(index + 1).padStart(2, '0')}.jpg`,
  sprite: 'sprite.jpg',
  spriteLayout: 'sprite.json',
  proxy: 'proxy.mp4',
  waveform: 'waveform.json',
  hlsPlaylist: 'hls.m3u8',
  hlsInit: 'hls-init.mp4',
  /** ffmpeg's pattern for the HLS media segments: hls-00000.m4s, hls-00001.m4s, … */
  hlsSegmentPattern: 'hls-%05d.m4s',
  isHlsSegment: (name: string): boolean => /^hls-\d{5}\.m4s$/.test(name),
} as const;

export type OutputKind =
  | 'poster'
  | 'thumbnail'
  | 'sprite'
  | 'sprite_layout'
  | 'proxy'
  | 'hls_playlist'
  | 'hls_segment'
  | 'waveform';

/** One file processing produced, in the output folder. */
export interface MediaOutput {
  kind: OutputKind;
  name: string;
  contentType: string;
  path: string;
}
