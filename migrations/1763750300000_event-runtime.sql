-- Up Migration
-- The durable consumer runtime (libs/events/src/runtime). Every event committed to the outbox gets
-- one delivery row per subscribed consumer, written in the same transaction; the row is deleted
-- once that consumer has handled the event, so the table holds only unfinished work and the dead
-- letters. Leases (locked_by, locked_until) make claims exclusive across instances and let a live
-- instance take over the work of a dead one once the lease expires.
--
-- No foreign key to events: Prisma would need a back-relation field on the Event model. The
-- runtime joins events with a LEFT JOIN and drops deliveries whose event has gone.

CREATE TYPE event_delivery_state AS ENUM ('pending', 'dead');

CREATE TABLE event_deliveries (
  event_id uuid NOT NULL,
  consumer text NOT NULL,
  -- Copied from the event so that claims can order and check per-aggregate order without a join.
  event_position bigint NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  state event_delivery_state NOT NULL DEFAULT 'pending',
  -- Attempts started so far: counted at claim time, so that an event that kills its process is
  -- dead-lettered after max attempts instead of crash-looping.
  attempts integer NOT NULL DEFAULT 0,
  available_at timestamptz(3) NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz(3),
  last_error text,
  last_attempt_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT event_deliveries_pkey PRIMARY KEY (event_id, consumer)
);
-- Claims and dead-letter listings: one consumer's rows in one state, in event order.
CREATE INDEX event_deliveries_consumer_state_event_position_idx
  ON event_deliveries (consumer, state, event_position);
-- Ordered consumers: is an earlier delivery for the same aggregate still pending?
CREATE INDEX event_deliveries_subject_order_idx
  ON event_deliveries (consumer, subject_type, subject_id, event_position);

-- Idempotency markers for consumers (ProcessedEvents / DeliveryContext.once): a consumer's effect
-- and its marker commit together, so a redelivered event finds the marker and has no second effect.
CREATE TABLE processed_events (
  consumer text NOT NULL,
  event_id uuid NOT NULL,
  processed_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT processed_events_pkey PRIMARY KEY (consumer, event_id)
);
