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
} as const;

export type OutputKind = 'poster' | 'thumbnail' | 'sprite' | 'sprite_layout' | 'proxy' | 'waveform';

/** One file processing produced, in the output folder. */
export interface MediaOutput {
  kind: OutputKind;
  name: string;
  contentType: string;
  path: string;
}
