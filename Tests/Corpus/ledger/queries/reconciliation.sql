-- Imports statement lines, skipping ones already imported.
-- name: ImportStatementLine :one
INSERT INTO statement_lines (account_id, external_id, booked_on, amount, counterparty, description)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (account_id, external_id) DO NOTHING
RETURNING id;

-- Imports many lines from parallel arrays.
-- name: ImportStatementLines :execrows
INSERT INTO statement_lines (account_id, external_id, booked_on, amount)
SELECT @account_id, x.external_id, x.booked_on, x.amount
FROM unnest(@external_ids::text[], @booked_on::date[], @amounts::bigint[]) AS x(external_id, booked_on, amount)
ON CONFLICT (account_id, external_id) DO NOTHING;

-- Statement lines without a matching posting.
-- name: ListUnmatchedStatementLines :many
SELECT s.*
FROM statement_lines s
WHERE s.account_id = $1
  AND NOT EXISTS (SELECT 1 FROM postings p WHERE p.statement_line_id = s.id)
ORDER BY s.booked_on, s.id;

-- Postings of a bank account that no statement line confirms.
-- name: ListUnreconciledPostings :many
SELECT p.id, t.effective_date, t.description, p.amount
FROM postings p
JOIN journal_transactions t ON t.id = p.transaction_id
WHERE p.account_id = $1 AND p.statement_line_id IS NULL
ORDER BY t.effective_date, p.id;

-- Match candidates: same amount and a booking date within a few days.
-- name: SuggestMatches :many
SELECT s.id AS statement_line_id, p.id AS posting_id, s.booked_on, t.effective_date,
       abs(s.booked_on - t.effective_date) AS day_gap,
       s.description AS bank_text, t.description AS journal_text
FROM statement_lines s
JOIN postings p ON p.account_id = s.account_id AND p.amount = s.amount AND p.statement_line_id IS NULL
JOIN journal_transactions t ON t.id = p.transaction_id
WHERE s.account_id = @account_id
  AND abs(s.booked_on - t.effective_date) <= @max_days::int
  AND NOT EXISTS (SELECT 1 FROM postings m WHERE m.statement_line_id = s.id)
ORDER BY s.id, day_gap, p.id;

-- Auto-matches lines with exactly one candidate posting.
-- name: AutoMatchUnique :execrows
WITH candidates AS (
    SELECT s.id AS line_id, min(p.id) AS posting_id, count(*) AS n
    FROM statement_lines s
    JOIN postings p ON p.account_id = s.account_id AND p.amount = s.amount AND p.statement_line_id IS NULL
    JOIN journal_transactions t ON t.id = p.transaction_id AND t.effective_date = s.booked_on
    WHERE s.account_id = $1
      AND NOT EXISTS (SELECT 1 FROM postings m WHERE m.statement_line_id = s.id)
    GROUP BY s.id
)
UPDATE postings p
SET statement_line_id = c.line_id
FROM candidates c
WHERE c.n = 1 AND p.id = c.posting_id;

-- name: MatchPosting :execrows
UPDATE postings SET statement_line_id = @statement_line_id
WHERE id = @posting_id AND statement_line_id IS NULL;

-- name: UnmatchPosting :exec
UPDATE postings SET statement_line_id = NULL WHERE id = $1;

-- Reconciliation summary: statement total vs ledger total up to a date.
-- name: ReconciliationSummary :one
SELECT
    (SELECT COALESCE(sum(amount), 0) FROM statement_lines WHERE account_id = @account_id AND booked_on <= @as_of::date)::bigint AS statement_balance,
    (SELECT COALESCE(sum(p.amount), 0) FROM postings p JOIN journal_transactions t ON t.id = p.transaction_id
      WHERE p.account_id = @account_id AND t.effective_date <= @as_of::date)::bigint AS ledger_balance,
    (SELECT count(*) FROM statement_lines s WHERE s.account_id = @account_id AND s.booked_on <= @as_of::date
      AND NOT EXISTS (SELECT 1 FROM postings p WHERE p.statement_line_id = s.id)) AS unmatched_lines;

-- Possible duplicate statement lines: same amount and day, different ids.
-- name: FindDuplicateStatementLines :many
SELECT s1.id, s2.id AS duplicate_id, s1.booked_on, s1.amount, similarity_hint
FROM statement_lines s1
JOIN statement_lines s2
  ON s2.account_id = s1.account_id AND s2.booked_on = s1.booked_on
 AND s2.amount = s1.amount AND s2.id > s1.id
CROSS JOIN LATERAL (
    SELECT lower(trim(s1.description)) = lower(trim(s2.description)) AS similarity_hint
) h
WHERE s1.account_id = $1;

-- Counterparties by total flow, normalized.
-- name: TopCounterparties :many
SELECT initcap(regexp_replace(lower(COALESCE(counterparty, 'unknown')), '\s+', ' ', 'g')) AS counterparty,
       count(*) AS lines,
       sum(amount) FILTER (WHERE amount > 0)::bigint AS money_in,
       sum(-amount) FILTER (WHERE amount < 0)::bigint AS money_out
FROM statement_lines
WHERE account_id = $1 AND booked_on >= $2
GROUP BY 1
ORDER BY lines DESC
LIMIT 20;

-- Days where the statement and the ledger disagree.
-- name: DailyReconciliationGaps :many
WITH bank AS (
    SELECT booked_on AS day, sum(amount) AS total
    FROM statement_lines WHERE account_id = @account_id GROUP BY 1
), book AS (
    SELECT t.effective_date AS day, sum(p.amount) AS total
    FROM postings p JOIN journal_transactions t ON t.id = p.transaction_id
    WHERE p.account_id = @account_id GROUP BY 1
)
SELECT COALESCE(bank.day, book.day) AS day,
       COALESCE(bank.total, 0)::bigint AS bank_total,
       COALESCE(book.total, 0)::bigint AS book_total
FROM bank
FULL OUTER JOIN book ON book.day = bank.day
WHERE COALESCE(bank.total, 0) <> COALESCE(book.total, 0)
ORDER BY 1;

-- name: DeleteStatementLine :execrows
DELETE FROM statement_lines s
WHERE s.id = $1
  AND NOT EXISTS (SELECT 1 FROM postings p WHERE p.statement_line_id = s.id);
