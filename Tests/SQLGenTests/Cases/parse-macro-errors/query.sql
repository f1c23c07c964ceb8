-- name: GetAccount :one
SELECT id, owner FROM accounts WHERE id = sqlc.argh(id);

-- name: GetAccountByOwner :one
SELECT id, owner FROM accounts WHERE owner = sqlc.arg(owner, name);

-- name: GetAccountByNumber :one
SELECT id, owner FROM accounts WHERE id = sqlc.arg(42);

-- name: GetAccountEmbedded :one
SELECT sqlc.embed(accounts) + 1 FROM accounts WHERE id = @id;

-- name: GetAccountFused :one
SELECT id, owner FROM accounts WHERE id=@id;

-- name: SliceAmongValues :many
SELECT id FROM accounts WHERE id IN (1, sqlc.slice(ids));
