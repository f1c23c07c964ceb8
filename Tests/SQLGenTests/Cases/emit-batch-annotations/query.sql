-- Several items, two parameters each: a …Params struct per item.
-- name: CreateAccounts :batchone
INSERT INTO accounts (owner, balance, currency) VALUES ($1, 0, $2) RETURNING *;

-- One parameter: the items are its values.
-- name: AccountsOf :batchmany
SELECT id, balance FROM accounts WHERE owner = $1 ORDER BY id;

-- name: DeleteAccounts :batchexec
DELETE FROM accounts WHERE id = $1;
