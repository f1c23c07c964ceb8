-- name: Label :one
SELECT account_label($1) AS label, account_label($1, prefix => $2) AS custom;

-- name: RichAccounts :many
SELECT r.id, r.owner FROM rich_accounts($1) AS r ORDER BY r.balance DESC;

-- name: Stats :one
SELECT s.total, s.largest FROM balance_stats() AS s;

-- name: OwnersLike :many
SELECT * FROM owners_like($1);

-- A procedure's INOUT parameter comes back as a row.
-- name: Deposit :one
CALL deposit($1, $2, NULL);

-- name: ResetAccounts :exec
TRUNCATE accounts RESTART IDENTITY;

-- name: AnnounceChange :exec
NOTIFY accounts_changed;

-- Sequences read like a one-row table.
-- name: InvoiceNumberState :one
SELECT last_value, is_called FROM invoice_numbers;

-- name: NextInvoiceNumber :one
SELECT nextval('invoice_numbers') AS number;
