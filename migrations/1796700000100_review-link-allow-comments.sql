-- Up Migration
-- Whether anonymous visitors of a review link may comment: a setting of the link, checked by the
-- server on every comment (existing links keep commenting on).
ALTER TABLE review_links ADD COLUMN allow_comments boolean NOT NULL DEFAULT true;
