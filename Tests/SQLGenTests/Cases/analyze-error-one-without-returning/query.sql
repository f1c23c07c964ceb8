-- name: DeleteAccount :one
DELETE FROM accounts WHERE id = @id;
