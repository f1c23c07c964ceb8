-- name: GetAccountTotal :one
SELECT * FROM account_totals WHERE id = $1;

-- name: ListRichOwners :many
SELECT name, biggest FROM rich_owners WHERE biggest > $1 ORDER BY biggest DESC;

-- name: ListEntryNotes :many
SELECT * FROM entry_notes;

-- name: ListEntryRows :many
SELECT * FROM entry_rows WHERE account_id = $1;

-- name: ListCurrencyTotals :many
SELECT * FROM currency_totals ORDER BY currency;

-- name: GetSnapshot :one
SELECT * FROM account_snapshots WHERE id = $1;

-- name: ListAccountIDs :many
SELECT id FROM account_ids;
