-- name: CreatePeriod :one
INSERT INTO periods (ledger_id, starts_on, ends_on)
VALUES ($1, $2, $3)
RETURNING *;

-- Creates the twelve monthly periods of a year.
-- name: CreateMonthlyPeriods :many
INSERT INTO periods (ledger_id, starts_on, ends_on)
SELECT @ledger_id, m::date, (m + interval '1 month' - interval '1 day')::date
FROM generate_series(make_date(@year::int, 1, 1), make_date(@year::int, 12, 1), interval '1 month') AS m
RETURNING id, starts_on, ends_on;

-- The period a date falls in.
-- name: GetPeriodForDate :one
SELECT * FROM periods
WHERE ledger_id = $1 AND $2::date BETWEEN starts_on AND ends_on;

-- name: ListPeriods :many
SELECT id, starts_on, ends_on, status, closed_at,
       (ends_on - starts_on + 1) AS days
FROM periods
WHERE ledger_id = $1
ORDER BY starts_on DESC;

-- Snapshots each account's balances for a period being closed.
-- name: SnapshotPeriodBalances :execrows
INSERT INTO period_balances (period_id, account_id, opening, debits, credits)
SELECT pe.id, a.id,
       COALESCE(sum(p.amount) FILTER (WHERE t.effective_date < pe.starts_on), 0),
       COALESCE(sum(p.amount) FILTER (WHERE t.effective_date BETWEEN pe.starts_on AND pe.ends_on AND p.amount > 0), 0),
       COALESCE(sum(p.amount) FILTER (WHERE t.effective_date BETWEEN pe.starts_on AND pe.ends_on AND p.amount < 0), 0)
FROM periods pe
JOIN accounts a ON a.ledger_id = pe.ledger_id
LEFT JOIN postings p ON p.account_id = a.id
LEFT JOIN journal_transactions t ON t.id = p.transaction_id
WHERE pe.id = $1
GROUP BY pe.id, a.id
ON CONFLICT (period_id, account_id) DO UPDATE
SET opening = excluded.opening, debits = excluded.debits, credits = excluded.credits;

-- Closes a period if every earlier period is closed.
-- name: ClosePeriod :one
UPDATE periods p
SET status = 'closed', closed_at = now(), closed_by = @closed_by
WHERE p.id = @period_id
  AND p.status <> 'closed'
  AND NOT EXISTS (
      SELECT 1 FROM periods e
      WHERE e.ledger_id = p.ledger_id AND e.starts_on < p.starts_on AND e.status <> 'closed'
  )
RETURNING id, status, closed_at;

-- name: ReopenPeriod :execrows
UPDATE periods SET status = 'open', closed_at = NULL, closed_by = NULL
WHERE id = $1 AND status = 'closed';

-- Whether a date is in a closed period (postings must be refused).
-- name: IsDateLocked :one
SELECT EXISTS (
    SELECT 1 FROM periods
    WHERE ledger_id = $1 AND status = 'closed' AND $2::date BETWEEN starts_on AND ends_on
) AS locked;

-- Trial balance as of a date: debits and credits per account, with kind subtotals and a grand total.
-- name: TrialBalance :many
SELECT a.kind, a.code,
       COALESCE(sum(p.amount) FILTER (WHERE p.amount > 0), 0)::bigint AS debits,
       COALESCE(-sum(p.amount) FILTER (WHERE p.amount < 0), 0)::bigint AS credits,
       COALESCE(sum(p.amount), 0)::bigint AS balance,
       GROUPING(a.kind, a.code) AS grouping_level
FROM accounts a
LEFT JOIN postings p ON p.account_id = a.id
LEFT JOIN journal_transactions t ON t.id = p.transaction_id
WHERE a.ledger_id = @ledger_id
  AND (t.id IS NULL OR t.effective_date <= @as_of::date)
GROUP BY ROLLUP (a.kind, a.code)
ORDER BY a.kind NULLS LAST, a.code NULLS LAST;

-- Totals by kind and by currency in one result (GROUPING SETS).
-- name: TotalsByKindAndCurrency :many
SELECT a.kind, a.currency, sum(p.amount)::bigint AS total
FROM postings p
JOIN accounts a ON a.id = p.account_id
WHERE a.ledger_id = $1
GROUP BY GROUPING SETS ((a.kind), (a.currency), ())
ORDER BY a.kind, a.currency;

-- Income statement for a date range: income and expense totals and net income.
-- name: IncomeStatement :one
SELECT COALESCE(-sum(p.amount) FILTER (WHERE a.kind = 'income'), 0)::bigint AS income,
       COALESCE(sum(p.amount) FILTER (WHERE a.kind = 'expense'), 0)::bigint AS expenses,
       COALESCE(-sum(p.amount) FILTER (WHERE a.kind IN ('income', 'expense')), 0)::bigint AS net_income
FROM postings p
JOIN accounts a ON a.id = p.account_id
JOIN journal_transactions t ON t.id = p.transaction_id
WHERE a.ledger_id = $1 AND t.effective_date BETWEEN $2 AND $3;

-- Monthly totals for an account, including months without postings.
-- name: MonthlyAccountActivity :many
SELECT months.month::date AS month,
       COALESCE(sum(p.amount) FILTER (WHERE p.amount > 0), 0)::bigint AS debits,
       COALESCE(-sum(p.amount) FILTER (WHERE p.amount < 0), 0)::bigint AS credits,
       COALESCE(sum(p.amount), 0)::bigint AS net
FROM generate_series(date_trunc('month', @from_date::date), date_trunc('month', @to_date::date), interval '1 month') AS months(month)
LEFT JOIN journal_transactions t
       ON date_trunc('month', t.effective_date) = months.month AND t.ledger_id = @ledger_id
LEFT JOIN postings p ON p.transaction_id = t.id AND p.account_id = @account_id
GROUP BY months.month
ORDER BY months.month;

-- Month-end balances of an account with month-over-month change.
-- name: MonthEndBalances :many
SELECT month, net,
       sum(net) OVER (ORDER BY month) AS closing_balance,
       net - lag(net, 1, 0::bigint) OVER (ORDER BY month) AS change_from_previous
FROM (
    SELECT date_trunc('month', t.effective_date)::date AS month, sum(p.amount)::bigint AS net
    FROM postings p
    JOIN journal_transactions t ON t.id = p.transaction_id
    WHERE p.account_id = $1
    GROUP BY 1
) m
ORDER BY month;

-- Quarterly totals per account kind.
-- name: QuarterlyTotalsByKind :many
SELECT extract(year FROM t.effective_date)::int AS year,
       extract(quarter FROM t.effective_date)::int AS quarter,
       a.kind,
       sum(p.amount)::bigint AS total
FROM postings p
JOIN accounts a ON a.id = p.account_id
JOIN journal_transactions t ON t.id = p.transaction_id
WHERE a.ledger_id = $1
GROUP BY 1, 2, a.kind
ORDER BY 1, 2, a.kind;

-- Accounts ranked by activity in each kind.
-- name: RankAccountsByActivity :many
SELECT a.kind, a.code, a.name, count(p.id) AS postings,
       rank() OVER (PARTITION BY a.kind ORDER BY count(p.id) DESC) AS rank_in_kind,
       ntile(4) OVER (ORDER BY count(p.id)) AS quartile
FROM accounts a
LEFT JOIN postings p ON p.account_id = a.id
WHERE a.ledger_id = $1
GROUP BY a.id
ORDER BY a.kind, rank_in_kind;

-- Balances that disagree with the snapshot of a closed period.
-- name: FindSnapshotDrift :many
SELECT pb.account_id, pb.closing AS snapshot_closing, actual.balance AS actual_closing,
       actual.balance - pb.closing AS drift
FROM period_balances pb
JOIN periods pe ON pe.id = pb.period_id
CROSS JOIN LATERAL (
    SELECT COALESCE(sum(p.amount), 0)::bigint AS balance
    FROM postings p
    JOIN journal_transactions t ON t.id = p.transaction_id
    WHERE p.account_id = pb.account_id AND t.effective_date <= pe.ends_on
) actual
WHERE pb.period_id = $1 AND actual.balance <> pb.closing;

-- Balances in the base currency, converting with rates given as JSON {"USD": 0.92}.
-- name: BalancesInBaseCurrency :many
SELECT a.code, a.currency, sum(p.amount)::bigint AS balance,
       round(sum(p.amount) * COALESCE((@rates::jsonb ->> a.currency::text)::numeric, 1))::bigint AS balance_in_base
FROM accounts a
JOIN postings p ON p.account_id = a.id
WHERE a.ledger_id = @ledger_id
GROUP BY a.id
ORDER BY a.code;

-- Year-to-date totals per account kind, compared with the same span last year.
-- name: YearToDateByKind :many
SELECT a.kind,
       COALESCE(sum(p.amount) FILTER (WHERE t.effective_date >= date_trunc('year', current_date)), 0)::bigint AS this_year,
       COALESCE(sum(p.amount) FILTER (
           WHERE t.effective_date >= date_trunc('year', current_date) - interval '1 year'
             AND t.effective_date <= current_date - interval '1 year'), 0)::bigint AS last_year_same_span
FROM accounts a
LEFT JOIN postings p ON p.account_id = a.id
LEFT JOIN journal_transactions t ON t.id = p.transaction_id
WHERE a.ledger_id = $1
GROUP BY a.kind
ORDER BY a.kind;

-- Posting volume by weekday.
-- name: PostingsByWeekday :many
SELECT extract(isodow FROM t.effective_date)::int AS weekday,
       to_char(t.effective_date, 'Dy') AS weekday_name,
       count(*) AS postings,
       sum(abs(p.amount))::bigint AS volume
FROM postings p
JOIN journal_transactions t ON t.id = p.transaction_id
WHERE t.ledger_id = $1
GROUP BY 1, 2
ORDER BY 1;
