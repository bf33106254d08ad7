-- Up Migration
-- The projects context: projects and their collaborators, the asset tree (folders, files,
-- version stacks), frame-accurate comments with replies, mentions and likes, and review links.
-- `legacy_id` keeps the id a record had in the legacy DynamoDB store (set by the migrator).

CREATE TYPE project_role AS ENUM ('editor', 'reviewer', 'viewer');
CREATE TYPE asset_type AS ENUM ('folder', 'file', 'version_stack');
CREATE TYPE asset_status AS ENUM ('uploading', 'transcoding', 'ready', 'failed');
CREATE TYPE asset_label AS ENUM ('none', 'in_progress', 'needs_review', 'approved');

CREATE TABLE projects (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  -- A team with projects cannot be deleted (the domain answers 409 first; this is the backstop).
  team_id uuid NOT NULL REFERENCES teams (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  name text NOT NULL,
  private boolean NOT NULL DEFAULT false,
  archived boolean NOT NULL DEFAULT false,
  -- The root folder; created in the same transaction as the project (no FK: the two reference
  -- each other, and assets.project_id already cascades).
  root_asset_id uuid NOT NULL,
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  legacy_id text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX projects_root_asset_id_key ON projects (root_asset_id);
CREATE UNIQUE INDEX projects_legacy_id_key ON projects (legacy_id);
CREATE INDEX projects_team_id_created_at_idx ON projects (team_id, created_at);
CREATE INDEX projects_account_id_idx ON projects (account_id);

CREATE TABLE project_collaborators (
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  role project_role NOT NULL,
  added_by_id uuid REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT project_collaborators_pkey PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_collaborators_user_id_idx ON project_collaborators (user_id);

CREATE TABLE assets (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE ON UPDATE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  -- NULL only for a project's root folder; a version stack's versions have the stack as parent.
  parent_id uuid REFERENCES assets (id) ON DELETE CASCADE ON UPDATE CASCADE,
  type asset_type NOT NULL,
  name text NOT NULL,
  filetype text,
  filesize bigint NOT NULL DEFAULT 0,
  duration double precision,
  fps double precision,
  frames integer,
  status asset_status NOT NULL DEFAULT 'ready',
  label asset_label NOT NULL DEFAULT 'none',
  -- Custom order among siblings: sparse integers, renumbered when a gap runs out.
  sort_order bigint NOT NULL DEFAULT 0,
  -- Position inside a version stack (1, 2, …); 1 elsewhere.
  version integer NOT NULL DEFAULT 1,
  properties jsonb NOT NULL DEFAULT '{}',
  creator_id uuid REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  -- Trash: every asset of a trashed subtree carries the time and the id of the asset the user
  -- trashed, so a restore brings back exactly that subtree.
  deleted_at timestamptz(3),
  trash_root_id uuid,
  legacy_id text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT assets_filesize_nonnegative CHECK (filesize >= 0),
  CONSTRAINT assets_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX assets_legacy_id_key ON assets (legacy_id);
-- Children pages: keyset on (sort_order, id) within a parent.
CREATE INDEX assets_parent_id_sort_order_id_idx ON assets (parent_id, sort_order, id);
-- The trash purge: oldest trashed first across projects.
CREATE INDEX assets_deleted_at_idx ON assets (deleted_at);
CREATE INDEX assets_project_id_deleted_at_idx ON assets (project_id, deleted_at);
CREATE INDEX assets_trash_root_id_idx ON assets (trash_root_id);

CREATE TABLE comments (
  id uuid PRIMARY KEY,
  asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE ON UPDATE CASCADE,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE ON UPDATE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  -- One level of replies: a reply's parent is a top-level comment.
  parent_id uuid REFERENCES comments (id) ON DELETE CASCADE ON UPDATE CASCADE,
  -- A signed-in author, or an anonymous reviewer's display name through a review link.
  author_id uuid REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  author_name text,
  review_link_id uuid,
  text text NOT NULL,
  frame integer,
  duration_frames integer,
  annotation jsonb,
  private boolean NOT NULL DEFAULT false,
  completed_at timestamptz(3),
  completed_by_id uuid REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  edited_at timestamptz(3),
  -- Deleted comments stay (the legacy /v1 contract serves them by id with `deleted` set); every
  -- /v2 read leaves them out.
  deleted_at timestamptz(3),
  legacy_id text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT comments_frame_nonnegative CHECK (frame IS NULL OR frame >= 0),
  CONSTRAINT comments_duration_positive CHECK (duration_frames IS NULL OR duration_frames > 0)
);
CREATE UNIQUE INDEX comments_legacy_id_key ON comments (legacy_id);
CREATE INDEX comments_asset_id_created_at_idx ON comments (asset_id, created_at);
-- Threads sorted by frame (the default order of a review).
CREATE INDEX comments_asset_id_frame_created_at_id_idx ON comments (asset_id, frame, created_at, id);
CREATE INDEX comments_parent_id_idx ON comments (parent_id);
CREATE INDEX comments_project_id_idx ON comments (project_id);

CREATE TABLE comment_mentions (
  comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT comment_mentions_pkey PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX comment_mentions_user_id_idx ON comment_mentions (user_id);

CREATE TABLE comment_likes (
  comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT comment_likes_pkey PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX comment_likes_user_id_idx ON comment_likes (user_id);

CREATE TABLE review_links (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE ON UPDATE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  name text NOT NULL,
  short_code text NOT NULL,
  password_hash text,
  expires_at timestamptz(3),
  active boolean NOT NULL DEFAULT true,
  allow_download boolean NOT NULL DEFAULT false,
  created_by_id uuid REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  legacy_id text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX review_links_short_code_key ON review_links (short_code);
CREATE UNIQUE INDEX review_links_legacy_id_key ON review_links (legacy_id);
CREATE INDEX review_links_project_id_created_at_idx ON review_links (project_id, created_at);

CREATE TABLE review_link_items (
  review_link_id uuid NOT NULL REFERENCES review_links (id) ON DELETE CASCADE ON UPDATE CASCADE,
  asset_id uuid NOT NULL REFERENCES assets (id) ON DELETE CASCADE ON UPDATE CASCADE,
  position integer NOT NULL,
  CONSTRAINT review_link_items_pkey PRIMARY KEY (review_link_id, asset_id)
);
CREATE INDEX review_link_items_asset_id_idx ON review_link_items (asset_id);

ALTER TABLE comments ADD CONSTRAINT comments_review_link_id_fkey
  FOREIGN KEY (review_link_id) REFERENCES review_links (id) ON DELETE SET NULL ON UPDATE CASCADE;
