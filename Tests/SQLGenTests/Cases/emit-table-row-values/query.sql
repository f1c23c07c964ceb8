-- name: AccountRows :many
SELECT a FROM accounts a ORDER BY a.id;

-- name: AccountsWithEntries :many
SELECT a.id, array_agg(e ORDER BY e.id) AS entries
FROM accounts a JOIN entries e ON e.account_id = a.id
GROUP BY a.id;

-- name: AccountsWithMaybeEntry :many
SELECT a.id, e FROM accounts a LEFT JOIN entries e ON e.account_id = a.id;

-- name: OwnerOfRecord :one
SELECT (sqlc.arg(account)::accounts).owner AS owner;
