-- Up Migration
-- One record of a sent e-mail: email_deliveries. A notification queued for e-mail
-- (notification_emails) no longer stamps its own sent_at; the digest job links it to the
-- delivery that carries it (delivery_key), in the transaction that records that delivery.
-- Whether and when it went out is the delivery's status and sent_at.
ALTER TABLE notification_emails
  ADD COLUMN delivery_key text REFERENCES email_deliveries (idempotency_key) ON DELETE CASCADE;
ALTER TABLE notification_emails DROP COLUMN sent_at;
CREATE INDEX notification_emails_user_pending_idx ON notification_emails (user_id, send_after);
CREATE INDEX notification_emails_delivery_key_idx ON notification_emails (delivery_key);
