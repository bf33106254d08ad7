-- Up Migration
-- Review links past their expiry are marked by the scheduled expiry job (ExpireReviewLinksCommand):
-- expired_at records when, once, so each link raises one review_link.expired event. Changing
-- expires_at clears it again.
ALTER TABLE review_links ADD COLUMN expired_at timestamptz(3);
CREATE INDEX review_links_expiry_idx ON review_links (expires_at);
