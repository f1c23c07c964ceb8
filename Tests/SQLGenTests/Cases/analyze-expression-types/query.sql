-- name: AccountSummary :many
SELECT
  a.id,
  a.balance * 2 AS doubled,
  a.balance / 100.0 AS in_hundreds,
  a.created_at + interval '30 days' AS due,
  CASE WHEN a.balance > 0 THEN 'credit' ELSE 'debit' END AS kind,
  COALESCE(e.note, '') AS note,
  e.amount IS NULL AS no_entries,
  upper(a.currency) AS currency
FROM accounts a
LEFT JOIN entries e ON e.account_id = a.id
ORDER BY a.id;
