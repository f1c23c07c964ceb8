-- name: SetStatus :execrows
UPDATE accounts SET status = $1 WHERE owner = $2;

-- name: GetSettings :one
SELECT settings FROM accounts WHERE id = $1;

-- name: ListByStatus :many
SELECT id, status FROM accounts WHERE status = $1 ORDER BY id;

-- Enum arrays: bound as `PostgresEnumArray` (text), decoded as `[AccountStatus]`.
-- name: ListInStatuses :many
SELECT id, array_agg(status) OVER (PARTITION BY owner) AS owner_statuses
FROM accounts
WHERE status = ANY(sqlc.arg(statuses)::account_status[]);
