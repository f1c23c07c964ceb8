-- name: ListEntries :many
SELECT a.id, e.amout
FROM accounts a
JOIN entries e ON e.account_id = a.id;
