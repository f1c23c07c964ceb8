-- name: UpdateUser :one
UPDATE users
SET
  full_name = COALESCE(sqlc.narg(full_name), full_name),
  email = COALESCE(sqlc.narg(email), email)
WHERE username = sqlc.arg(username)
RETURNING *;
