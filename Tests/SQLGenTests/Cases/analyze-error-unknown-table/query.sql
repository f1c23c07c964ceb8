-- name: GetAccount :one
SELECT id, owner
FROM acounts
WHERE id = @id;
