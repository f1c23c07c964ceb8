-- name: Everything :many
SELECT id, owner FROM accounts
UNION ALL
SELECT id FROM entries;
