-- name: Shout :many
SELECT upcase(owner) FROM accounts;
