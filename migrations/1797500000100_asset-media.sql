-- Up Migration
-- What media processing learned from a file (libs/media: ffprobe facts) and what it made
-- (poster, thumbnails, sprite, proxy, waveform: storage keys), one row per file asset. `version`
-- is the asset version it was processed for (the job's idempotency key with asset_id); a retry
-- updates this row, never adds one. The frame rate is kept as the exact rational (24000/1001),
-- which frame-accurate comments need; assets.fps keeps the float for display.

CREATE TABLE asset_media (
  asset_id uuid PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE ON UPDATE CASCADE,
  version integer NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  duration_seconds double precision,
  frame_rate_num integer,
  frame_rate_den integer,
  frame_count integer,
  width integer,
  height integer,
  video_codec text,
  audio_codec text,
  audio_channels integer,
  facts jsonb,
  outputs jsonb NOT NULL DEFAULT '[]'::jsonb,
  failure_reason text,
  processed_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT asset_media_rate_both CHECK ((frame_rate_num IS NULL) = (frame_rate_den IS NULL)),
  CONSTRAINT asset_media_rate_positive CHECK (frame_rate_num IS NULL OR (frame_rate_num > 0 AND frame_rate_den > 0))
);
