-- Query names in any identifier style become Swift names, as sqlc reads them.
-- name: getOwner :one
SELECT owner FROM accounts WHERE id = $1;

-- name: list_accounts_by_owner :many
SELECT id, owner FROM accounts WHERE owner = $1 ORDER BY id;

-- A statement without an annotation is skipped (with a note), as sqlc does.
SELECT 1;

-- name: CountAccounts :one
SELECT count(*) FROM accounts;
