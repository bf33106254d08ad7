// The seeded randomness and the vocabulary of the legacy fixtures (fixtures.ts): deterministic
// for a seed, so a data set can be regenerated exactly.

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[Math.floor(this.next() * 4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0)
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}

export const BASE = Date.UTC(2014, 0, 1) / 1000;
export const SPAN = Date.UTC(2017, 11, 1) / 1000 - BASE;

/** SCHEMA.md rule 3: one instant, in one of the store's formats. */
export function timestamp(r: Random, seconds: number): string {
  switch (r.int(0, 2)) {
    case 0:
      return String(seconds);
    case 1:
      return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
    default:
      return new Date(seconds * 1000 + r.int(0, 999)).toISOString();
  }
}

export const NAMES = [
  'Ana Lima',
  'Ben Ode',
  'Chloé Müller',
  'Dev Patel',
  'Eli 🎬 Cohen',
  'Fay Wong',
  'Gus Grant',
  'Hana Sato',
];
export const TEXTS = [
  'Color is too warm here',
  'Love this take 👏',
  'Über-gut — zwei Frames früher?',
  'Trim the head by 12 frames',
  'Audio pops at 00:42',
];
export const FILETYPES = ['video/mp4', 'video/quicktime', 'image/png', 'audio/wav'];

export function properties(r: Random, big: boolean): string {
  const transcodes = [];
  const count = big ? r.int(900, 1300) : r.int(2, 40);
  for (let i = 0; i < count; i++) {
    transcodes.push({
      profile: r.pick(['h264_360', 'h264_540', 'h264_720', 'h264_1080_best']),
      url: `s3://legacy-media/${r.uuid()}`,
      bytes: r.int(1_000_000, 900_000_000),
    });
  }
  return JSON.stringify({
    codec: r.pick(['h264', 'hevc', 'prores']),
    bitrate: r.int(1e6, 5e7),
    transcodes,
  });
}
