-- name: Activity :many
SELECT e.account_id, e.amount, e.note
FROM entries e
WHERE e.account_id = @account_id
UNION ALL
SELECT t.id, -t.balance, NULL
FROM accounts t
WHERE t.id = @account_id
ORDER BY amount;

-- name: HasAccounts :one
SELECT EXISTS (SELECT 1 FROM accounts WHERE owner = @owner) AS has_accounts;

-- name: RichestBalance :one
SELECT (SELECT max(balance) FROM accounts) AS richest, (SELECT count(*) FROM users) AS users;
