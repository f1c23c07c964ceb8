-- name: AccountsWithLastEntry :many
WITH last_entries AS (
    SELECT a.id AS account_id, e.amount, e.note
    FROM accounts a
    LEFT JOIN entries e ON e.account_id = a.id
)
SELECT l.account_id, l.amount, l.note, s.total
FROM last_entries l
LEFT JOIN (
    SELECT account_id, sum(amount) AS total FROM entries GROUP BY account_id
) s ON s.account_id = l.account_id
WHERE l.account_id = @account_id;
