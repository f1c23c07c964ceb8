-- name: ListAccountsByStatus :many
SELECT * FROM accounts WHERE status = $1;

-- name: SetStatus :exec
UPDATE accounts SET status = $2 WHERE id = $1;
