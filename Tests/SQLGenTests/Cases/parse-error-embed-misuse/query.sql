-- name: EmbedInWhere :many
SELECT id FROM accounts WHERE sqlc.embed(accounts) IS NOT NULL;

-- name: EmbedWithAlias :many
SELECT sqlc.embed(accounts) AS account FROM accounts;

-- name: EmbedTwoArguments :many
SELECT sqlc.embed(accounts, users) FROM accounts JOIN users ON users.username = accounts.owner;

-- name: EmbedExpression :many
SELECT sqlc.embed(1) FROM accounts;

-- name: EmbedInSubquery :many
SELECT * FROM (SELECT sqlc.embed(accounts) FROM accounts) AS sub;

-- name: EmbedInUnion :many
SELECT sqlc.embed(accounts) FROM accounts UNION ALL SELECT * FROM accounts;

-- name: EmbedSubquery :many
SELECT sqlc.embed(sub) FROM (SELECT id FROM accounts) AS sub;

-- name: EmbedUnknown :many
SELECT sqlc.embed(acounts) FROM accounts;
