-- name: Pairs :many
SELECT a.id FROM accounts a, entries a;
