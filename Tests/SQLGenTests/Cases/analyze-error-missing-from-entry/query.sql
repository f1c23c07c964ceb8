-- name: GetBalance :one
SELECT acc.balance FROM accounts a WHERE a.id = @id;
