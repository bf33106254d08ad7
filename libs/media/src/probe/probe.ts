import { z } from 'zod';
import { frameCountOf, parseFrameRate } from '../timecode';
import { MediaBinaries } from '../process/binaries';
import { MediaProcessingError } from '../process/media-error';
import { fileUrl, runTool } from '../process/run-tool';
import { AudioFacts, MediaFacts, VideoFacts } from './media-facts';

// The part of `ffprobe -print_format json -show_format -show_streams` that the facts come from.
// Numbers arrive as strings; anything may be missing on odd files.
const numeric = z.union([z.string(), z.number()]).optional();
const streamSchema = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  r_frame_rate: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  nb_frames: numeric,
  duration: numeric,
  pix_fmt: z.string().optional(),
  channels: z.number().optional(),
  sample_rate: numeric,
  channel_layout: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).partial().optional(),
});
const probeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z
    .object({
      format_name: z.string().optional(),
      duration: numeric,
      size: numeric,
      bit_rate: numeric,
    })
    .optional(),
});
type ProbeStream = z.infer<typeof streamSchema>;

const num = (value: string | number | undefined): number | null => {
  const n = typeof value === 'number' ? value : Number(value);
  return value !== undefined && Number.isFinite(n) ? n : null;
};

function videoFacts(stream: ProbeStream, durationSeconds: number): VideoFacts | null {
  // avg_frame_rate is what the frames actually average; r_frame_rate is the base (often a
  // multiple for interlaced or odd streams). Prefer the average when the container gives one.
  const frameRate = parseFrameRate(stream.avg_frame_rate) ?? parseFrameRate(stream.r_frame_rate);
  if (!frameRate || !stream.width || !stream.height) return null;
  const counted = num(stream.nb_frames);
  return {
    codec: stream.codec_name ?? 'unknown',
    width: stream.width,
    height: stream.height,
    frameRate,
    frameCount: counted && counted > 0 ? counted : frameCountOf(durationSeconds, frameRate),
    pixelFormat: stream.pix_fmt ?? null,
  };
}

function audioFacts(stream: ProbeStream): AudioFacts {
  return {
    codec: stream.codec_name ?? 'unknown',
    channels: stream.channels ?? 0,
    sampleRate: num(stream.sample_rate) ?? 0,
    channelLayout: stream.channel_layout ?? null,
  };
}

/** ffprobe's JSON → facts; throws `no_media_streams` for a file with neither video nor audio. */
export function mediaFactsFromProbe(json: unknown): MediaFacts {
  const parsed = probeSchema.safeParse(json);
  if (!parsed.success) {
    throw new MediaProcessingError('unreadable', 'ffprobe returned no usable description');
  }
  const { streams, format } = parsed.data;
  // Cover art in audio files is a one-frame "video" stream; it is not the picture.
  const videoStream = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audioStream = streams.find((s) => s.codec_type === 'audio');
  const durationSeconds =
    num(format?.duration) ??
    Math.max(num(videoStream?.duration) ?? 0, num(audioStream?.duration) ?? 0);
  const video = videoStream ? videoFacts(videoStream, durationSeconds) : null;
  const audio = audioStream ? audioFacts(audioStream) : null;
  if (!video && !audio) {
    throw new MediaProcessingError('no_media_streams', 'The file has no video or audio stream');
  }
  if (!(durationSeconds > 0)) {
    throw new MediaProcessingError('unreadable', 'The file has no duration (empty or truncated)');
  }
  return {
    container: format?.format_name ?? 'unknown',
    durationSeconds,
    sizeBytes: num(format?.size) ?? 0,
    bitRate: num(format?.bit_rate),
    video,
    audio,
  };
}

/** Reads the facts from the file with ffprobe. */
export async function probeMedia(
  binaries: MediaBinaries,
  input: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<MediaFacts> {
  const stdout = await runTool(
    binaries.ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-i', fileUrl(input)],
    { timeoutMs: options.timeoutMs ?? 30_000, signal: options.signal },
  );
  let json: unknown;
  try {
    json = JSON.parse(stdout.toString('utf8'));
  } catch {
    throw new MediaProcessingError('unreadable', 'ffprobe printed no JSON');
  }
  return mediaFactsFromProbe(json);
}
