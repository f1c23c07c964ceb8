-- name: ByCurrency :many
SELECT id FROM accounts WHERE balance = currency;
