-- name: Filter :many
SELECT id FROM accounts
WHERE @owner IS NULL;
