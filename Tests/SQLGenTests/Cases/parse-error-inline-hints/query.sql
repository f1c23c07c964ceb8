-- name: MarkerWithoutName :one
SELECT balance AS "!" FROM accounts;

-- name: BothMarkers :one
SELECT balance AS "balance!: Int64?" FROM accounts;

-- name: NotAType :one
SELECT balance AS "balance: 42" FROM accounts;

-- @param owner!: String)
-- name: BadParameterType :many
SELECT id FROM accounts WHERE owner = @owner;

-- @paramowner?
-- name: NoSpaceAfterParam :many
SELECT id FROM accounts WHERE owner = @owner;

-- @param ownr?
-- name: UnknownParameter :many
SELECT id FROM accounts WHERE owner = @owner;

-- name: AmbiguousHint :many
SELECT a.id AS "id!", b.id FROM accounts a JOIN accounts b ON b.owner = a.owner;
