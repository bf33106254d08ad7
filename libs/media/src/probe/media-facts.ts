import { FrameRate } from '../timecode';

export interface VideoFacts {
  codec: string;
  width: number;
  height: number;
  /** Exact rational rate (24000/1001 for 23.976). */
  frameRate: FrameRate;
  /** Frames in the stream (from the container, else from duration × rate). */
  frameCount: number;
  pixelFormat: string | null;
}

export interface AudioFacts {
  codec: string;
  channels: number;
  sampleRate: number;
  channelLayout: string | null;
}

/** What the file itself says (never what the uploader claimed). */
export interface MediaFacts {
  /** ffprobe's format names, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  container: string;
  durationSeconds: number;
  sizeBytes: number;
  bitRate: number | null;
  video: VideoFacts | null;
  audio: AudioFacts | null;
}
