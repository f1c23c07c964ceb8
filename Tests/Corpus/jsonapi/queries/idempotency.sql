-- Claims an idempotency key; returns no row when the key already exists.
-- name: ClaimIdempotencyKey :one
INSERT INTO idempotency_keys (key, tenant_id, request_hash, locked_at)
VALUES ($1, $2, $3, now())
ON CONFLICT (tenant_id, key) DO NOTHING
RETURNING key, created_at;

-- name: GetIdempotencyKey :one
SELECT key, request_hash, response_code, response_body, locked_at, created_at
FROM idempotency_keys
WHERE tenant_id = $1 AND key = $2;

-- Stores the response of a completed request.
-- name: CompleteIdempotencyKey :exec
UPDATE idempotency_keys
SET response_code = $3, response_body = $4, locked_at = NULL
WHERE tenant_id = $1 AND key = $2;

-- Re-locks a key whose holder died (lock older than the timeout).
-- name: RelockStaleKey :one
UPDATE idempotency_keys
SET locked_at = now()
WHERE tenant_id = @tenant_id AND key = @key
  AND response_code IS NULL
  AND locked_at < now() - @lock_timeout::interval
RETURNING key;

-- Claims a key and reports whether this call created it.
-- name: UpsertIdempotencyKey :one
WITH ins AS (
    INSERT INTO idempotency_keys (key, tenant_id, request_hash, locked_at)
    VALUES (@key, @tenant_id, @request_hash, now())
    ON CONFLICT (tenant_id, key) DO NOTHING
    RETURNING key
)
SELECT true AS created, NULL::jsonb AS response_body, NULL::int AS response_code FROM ins
UNION ALL
SELECT false, response_body, response_code FROM idempotency_keys
WHERE tenant_id = @tenant_id AND key = @key AND NOT EXISTS (SELECT 1 FROM ins);

-- name: PurgeIdempotencyKeys :execrows
DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours';

-- Generates a fresh key server-side.
-- name: NewIdempotencyKey :one
SELECT gen_random_uuid() AS key;

-- Keys per tenant whose stored response was an error.
-- name: FailedRequests :many
SELECT key, response_code, response_body ->> 'error' AS error, response_body #>> '{details,0,message}' AS first_detail
FROM idempotency_keys
WHERE tenant_id = $1 AND response_code >= 400
ORDER BY created_at DESC;
