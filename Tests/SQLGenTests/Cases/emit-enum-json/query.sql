-- name: SetStatus :execrows
UPDATE accounts SET status = $1 WHERE owner = $2;

-- name: GetSettings :one
SELECT settings FROM accounts WHERE id = $1;

-- name: ListByStatus :many
SELECT id, status FROM accounts WHERE status = $1 ORDER BY id;
