-- name: CreateLedger :one
INSERT INTO ledgers (name, base_currency)
VALUES ($1, upper($2))
RETURNING *;

-- name: CreateAccount :one
INSERT INTO accounts (ledger_id, code, name, kind, currency, parent_id, normal_balance)
VALUES (@ledger_id, @code, @name, @kind, @currency,
        sqlc.narg(parent_id),
        CASE WHEN @kind::account_kind IN ('asset', 'expense') THEN 1 ELSE -1 END)
RETURNING *;

-- name: GetAccount :one
SELECT * FROM accounts WHERE id = $1;

-- name: GetAccountByCode :one
SELECT * FROM accounts WHERE ledger_id = $1 AND code = $2;

-- name: ListAccounts :many
SELECT * FROM accounts
WHERE ledger_id = @ledger_id AND (NOT is_closed OR @include_closed::boolean)
ORDER BY code;

-- name: RenameAccount :execrows
UPDATE accounts SET name = $2 WHERE id = $1;

-- Closes an account only when its balance is zero.
-- name: CloseAccount :execrows
UPDATE accounts a
SET is_closed = true
WHERE a.id = $1
  AND NOT a.is_closed
  AND COALESCE((SELECT sum(p.amount) FROM postings p WHERE p.account_id = a.id), 0) = 0;

-- The account tree with depth and the code path from the root.
-- name: GetAccountTree :many
WITH RECURSIVE tree AS (
    SELECT id, parent_id, code, name, kind, 1 AS depth, code::text AS path
    FROM accounts
    WHERE ledger_id = $1 AND parent_id IS NULL
    UNION ALL
    SELECT a.id, a.parent_id, a.code, a.name, a.kind, t.depth + 1, t.path || ' > ' || a.code
    FROM accounts a
    JOIN tree t ON a.parent_id = t.id
)
SELECT id, parent_id, code, name, kind, depth, path, repeat('  ', depth - 1) || name AS indented_name
FROM tree
ORDER BY path;

-- Accounts carrying all of the given tags.
-- name: ListAccountsWithTags :many
SELECT id, code, name, tags
FROM accounts
WHERE ledger_id = @ledger_id AND tags @> @tags::text[]
ORDER BY code;

-- name: AddAccountTag :exec
UPDATE accounts
SET tags = array_append(tags, @tag::text)
WHERE id = @id AND NOT (@tag::text = ANY(tags));

-- Current balance of one account.
-- name: GetAccountBalance :one
SELECT a.id, a.code, a.currency,
       COALESCE(sum(p.amount), 0)::bigint AS balance,
       count(p.id) AS postings,
       max(p.posted_at) AS last_posted_at
FROM accounts a
LEFT JOIN postings p ON p.account_id = a.id
WHERE a.id = $1
GROUP BY a.id;

-- Balance of an account as of a date.
-- name: GetAccountBalanceAsOf :one
SELECT COALESCE(sum(p.amount), 0)::bigint AS balance
FROM postings p
JOIN journal_transactions t ON t.id = p.transaction_id
WHERE p.account_id = $1 AND t.effective_date <= $2;

-- Balances of many accounts at once, zero for accounts without postings.
-- name: GetBalancesForAccounts :many
SELECT a.id, COALESCE(b.balance, 0)::bigint AS balance
FROM unnest(@account_ids::bigint[]) AS a(id)
LEFT JOIN (
    SELECT account_id, sum(amount) AS balance
    FROM postings
    WHERE account_id = ANY(@account_ids::bigint[])
    GROUP BY account_id
) b ON b.account_id = a.id;

-- Balances per account, rolled up through the tree to the parents.
-- name: GetRolledUpBalances :many
WITH RECURSIVE descendants AS (
    SELECT id AS root_id, id AS account_id FROM accounts WHERE ledger_id = $1
    UNION ALL
    SELECT d.root_id, a.id
    FROM descendants d
    JOIN accounts a ON a.parent_id = d.account_id
)
SELECT r.id, r.code, r.name, COALESCE(sum(p.amount), 0)::bigint AS balance
FROM accounts r
JOIN descendants d ON d.root_id = r.id
LEFT JOIN postings p ON p.account_id = d.account_id
GROUP BY r.id, r.code, r.name
ORDER BY r.code;

-- Open accounts with no postings since a date, candidates for closing.
-- name: ListDormantAccounts :many
SELECT a.id, a.code, a.name,
       (SELECT max(p.posted_at) FROM postings p WHERE p.account_id = a.id) AS last_posted_at
FROM accounts a
WHERE a.ledger_id = $1
  AND NOT a.is_closed
  AND NOT EXISTS (
      SELECT 1 FROM postings p
      WHERE p.account_id = a.id AND p.posted_at >= $2
  )
ORDER BY a.code;

-- name: GetLedgerSummary :one
SELECT l.id, l.name, l.base_currency,
       (SELECT count(*) FROM accounts a WHERE a.ledger_id = l.id) AS accounts,
       (SELECT count(*) FROM journal_transactions t WHERE t.ledger_id = l.id) AS transactions,
       (SELECT min(t.effective_date) FROM journal_transactions t WHERE t.ledger_id = l.id) AS first_entry_on,
       (SELECT max(t.effective_date) FROM journal_transactions t WHERE t.ledger_id = l.id) AS last_entry_on
FROM ledgers l
WHERE l.id = $1;
