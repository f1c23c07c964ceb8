-- name: AccountEntries :many
SELECT e.amount
FROM accounts a
JOIN entries e ON e.account_id = a.id
WHERE id = @id;
