/** Every ffmpeg run: no prompts, no banner, errors only on stderr, overwrite (a retry replaces). */
export const FFMPEG_BASE = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'] as const;

/** A time in seconds as ffmpeg reads it (fixed decimals, never exponent notation). */
export const ffTime = (seconds: number): string => Math.max(0, seconds).toFixed(3);

/** Even dimensions (yuv420p and H.264 need them) at most `maxWidth` wide, keeping the aspect. */
export function scaledSize(
  width: number,
  height: number,
  maxWidth: number,
): { width: number; height: number } {
  const w = Math.min(maxWidth, width);
  const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));
  return { width: even(w), height: even((w * height) / width) };
}
