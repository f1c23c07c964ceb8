DROP INDEX IF EXISTS events_correlation_idx;
ALTER TABLE events DROP COLUMN IF EXISTS correlation_id;
ALTER TABLE tenants DROP COLUMN IF EXISTS limits;
ALTER TABLE tenants DROP COLUMN IF EXISTS plan;
DROP TABLE IF EXISTS feature_flags;
DROP TABLE IF EXISTS idempotency_keys;
