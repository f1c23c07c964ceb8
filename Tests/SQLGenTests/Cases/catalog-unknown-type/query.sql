-- name: GetUser :one
SELECT username FROM users WHERE username = $1;
