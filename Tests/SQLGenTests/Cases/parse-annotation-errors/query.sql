-- name: GetAccount
SELECT id, owner FROM accounts WHERE id = $1;

-- name: ListAccounts :all
SELECT id, owner FROM accounts;

-- name: CountAccounts :one :many
SELECT count(*) FROM accounts;

-- name: delete-account :exec
DELETE FROM accounts WHERE id = $1;

-- name: getOwner :one
SELECT owner FROM accounts WHERE id = $1;

SELECT id FROM accounts;

-- name: GetFirst :one
SELECT id FROM accounts ORDER BY id LIMIT 1;
