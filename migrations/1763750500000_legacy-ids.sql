-- Up Migration
-- Legacy ids for the accounts context. Users, accounts and teams migrated from the legacy
-- DynamoDB store (tools/dynasaur) keep the id they had there, so that old clients and links that
-- hold it keep working (the /v1 adapter serves and accepts it). NULL for records created in the
-- new system. Projects, assets, comments and review links got theirs in 1763750200000_projects.sql.

ALTER TABLE users ADD COLUMN legacy_id text;
ALTER TABLE accounts ADD COLUMN legacy_id text;
ALTER TABLE teams ADD COLUMN legacy_id text;

CREATE UNIQUE INDEX users_legacy_id_key ON users (legacy_id);
CREATE UNIQUE INDEX accounts_legacy_id_key ON accounts (legacy_id);
CREATE UNIQUE INDEX teams_legacy_id_key ON teams (legacy_id);
