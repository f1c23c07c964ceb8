-- The owner's total: sum() is NULL over no rows, but GROUP BY owner never makes an empty group.
-- name: ListOwnerTotals :many
SELECT owner, sum(balance) AS "total!", max(created_at) AS "last_opened!"
FROM accounts GROUP BY owner ORDER BY owner;

-- Entries with their note as a type of the application's own.
-- @param note?: EntryNote
-- name: ListEntriesByNote :many
SELECT id, note AS "note: EntryNote?" FROM entries
WHERE note IS NOT DISTINCT FROM @note;

-- A positional parameter made optional, a result column made optional.
-- @param $2?
-- name: UpdateBalance :one
UPDATE accounts SET balance = balance + $1 WHERE id = $2
RETURNING id, balance AS "balance?";

-- Hints name the columns of a set operation in its first arm.
-- name: ListNames :many
SELECT username AS "name!" FROM users
UNION ALL
SELECT owner FROM accounts;
