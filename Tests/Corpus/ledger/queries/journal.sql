-- name: CreateTransaction :one
INSERT INTO journal_transactions (ledger_id, reference, description, effective_date, metadata)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- Idempotent create: returns the existing transaction when the reference was seen.
-- name: CreateTransactionIdempotent :one
WITH inserted AS (
    INSERT INTO journal_transactions (ledger_id, reference, description, effective_date)
    VALUES (@ledger_id, @reference, @description, @effective_date)
    ON CONFLICT (ledger_id, reference) WHERE reference IS NOT NULL DO NOTHING
    RETURNING id, true AS created
)
SELECT id, created FROM inserted
UNION ALL
SELECT id, false FROM journal_transactions
WHERE ledger_id = @ledger_id AND reference = @reference
  AND NOT EXISTS (SELECT 1 FROM inserted);

-- name: CreatePosting :one
INSERT INTO postings (transaction_id, account_id, amount, memo)
VALUES ($1, $2, $3, $4)
RETURNING *;

-- Inserts all postings of a transaction from parallel arrays.
-- name: CreatePostings :many
INSERT INTO postings (transaction_id, account_id, amount, memo)
SELECT @transaction_id, u.account_id, u.amount, NULLIF(u.memo, '')
FROM unnest(@account_ids::bigint[], @amounts::bigint[], @memos::text[]) AS u(account_id, amount, memo)
RETURNING id, account_id, amount;

-- Checks that a transaction balances per currency; returns the offending currencies.
-- name: CheckTransactionBalanced :many
SELECT a.currency, sum(p.amount)::bigint AS imbalance
FROM postings p
JOIN accounts a ON a.id = p.account_id
WHERE p.transaction_id = $1
GROUP BY a.currency
HAVING sum(p.amount) <> 0;

-- Transactions that do not balance, for an integrity report.
-- name: ListUnbalancedTransactions :many
SELECT t.id, t.reference, t.effective_date, a.currency, sum(p.amount)::bigint AS imbalance
FROM journal_transactions t
JOIN postings p ON p.transaction_id = t.id
JOIN accounts a ON a.id = p.account_id
WHERE t.ledger_id = $1
GROUP BY t.id, a.currency
HAVING sum(p.amount) <> 0
ORDER BY t.id;

-- A transaction with its postings as a JSON array.
-- name: GetTransactionWithPostings :one
SELECT t.*,
       jsonb_agg(jsonb_build_object(
           'account', a.code,
           'amount', p.amount,
           'memo', p.memo) ORDER BY p.id) AS postings
FROM journal_transactions t
JOIN postings p ON p.transaction_id = t.id
JOIN accounts a ON a.id = p.account_id
WHERE t.id = $1
GROUP BY t.id;

-- Reverses a transaction: a new transaction with negated postings.
-- name: ReverseTransaction :one
WITH original AS (
    SELECT * FROM journal_transactions WHERE journal_transactions.id = @transaction_id
), reversal AS (
    INSERT INTO journal_transactions (ledger_id, reference, description, effective_date, reversal_of)
    SELECT ledger_id, 'REV-' || COALESCE(reference, id::text), 'Reversal: ' || description,
           @effective_date::date, id
    FROM original
    RETURNING id
), copied AS (
    INSERT INTO postings (transaction_id, account_id, amount, memo)
    SELECT reversal.id, p.account_id, -p.amount, p.memo
    FROM postings p, reversal
    WHERE p.transaction_id = @transaction_id
    RETURNING amount
)
SELECT reversal.id, (SELECT count(*) FROM copied) AS postings
FROM reversal;

-- Journal listing, keyset-paginated, with the sum of debits.
-- name: ListTransactions :many
SELECT t.id, t.reference, t.description, t.effective_date, t.posted_at,
       sum(p.amount) FILTER (WHERE p.amount > 0)::bigint AS debits,
       count(p.id) AS posting_count,
       t.reversal_of IS NOT NULL AS is_reversal
FROM journal_transactions t
LEFT JOIN postings p ON p.transaction_id = t.id
WHERE t.ledger_id = $1 AND (t.posted_at, t.id) < ($2, $3)
GROUP BY t.id
ORDER BY t.posted_at DESC, t.id DESC
LIMIT $4;

-- Searches transactions by description and metadata.
-- name: SearchTransactions :many
SELECT id, reference, description, effective_date, metadata ->> 'invoice' AS invoice
FROM journal_transactions
WHERE ledger_id = @ledger_id
  AND (sqlc.narg(text)::text IS NULL OR description ILIKE '%' || sqlc.narg(text) || '%')
  AND (sqlc.narg(invoice)::text IS NULL OR metadata ->> 'invoice' = sqlc.narg(invoice))
  AND effective_date BETWEEN sqlc.arg(from_date) AND sqlc.arg(to_date)
ORDER BY effective_date DESC, id DESC;

-- An account's postings with a running balance.
-- name: GetAccountStatement :many
SELECT p.id, p.posted_at, t.effective_date, t.description, p.memo, p.amount,
       sum(p.amount) OVER (PARTITION BY p.account_id ORDER BY p.posted_at, p.id) AS running_balance
FROM postings p
JOIN journal_transactions t ON t.id = p.transaction_id
WHERE p.account_id = $1
ORDER BY p.posted_at, p.id;

-- An account's statement for a date range, with opening balance carried in.
-- name: GetAccountStatementForRange :many
WITH opening AS (
    SELECT COALESCE(sum(p.amount), 0) AS balance
    FROM postings p
    JOIN journal_transactions t ON t.id = p.transaction_id
    WHERE p.account_id = @account_id AND t.effective_date < @from_date::date
)
SELECT p.id, t.effective_date, t.description, p.amount,
       CASE WHEN p.amount > 0 THEN p.amount END AS debit,
       CASE WHEN p.amount < 0 THEN -p.amount END AS credit,
       (opening.balance + sum(p.amount) OVER (ORDER BY t.effective_date, p.id))::bigint AS balance
FROM postings p
JOIN journal_transactions t ON t.id = p.transaction_id
CROSS JOIN opening
WHERE p.account_id = @account_id
  AND t.effective_date BETWEEN @from_date::date AND @to_date::date
ORDER BY t.effective_date, p.id;

-- Deletes a transaction that is not in a closed period and has no reversal.
-- name: DeleteTransaction :execrows
DELETE FROM journal_transactions t
WHERE t.id = $1
  AND NOT EXISTS (SELECT 1 FROM journal_transactions r WHERE r.reversal_of = t.id)
  AND NOT EXISTS (
      SELECT 1 FROM periods pe
      WHERE pe.ledger_id = t.ledger_id AND pe.status = 'closed'
        AND t.effective_date BETWEEN pe.starts_on AND pe.ends_on
  );

-- Attaches metadata to a transaction.
-- name: SetTransactionMetadata :exec
UPDATE journal_transactions
SET metadata = jsonb_set(metadata, string_to_array(@path::text, '.'), @value::jsonb, true)
WHERE id = @id;

-- Largest postings in a period.
-- name: LargestPostings :many
SELECT p.id, a.code, t.description, p.amount, abs(p.amount) AS magnitude
FROM postings p
JOIN accounts a ON a.id = p.account_id
JOIN journal_transactions t ON t.id = p.transaction_id
WHERE a.ledger_id = $1 AND t.effective_date >= $2 AND t.effective_date < $3
ORDER BY abs(p.amount) DESC
LIMIT $4;
