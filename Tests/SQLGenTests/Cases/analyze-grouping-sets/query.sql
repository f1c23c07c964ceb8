-- Subtotals per currency and a grand total: both keys are NULL in some rows.
-- name: BalanceSubtotals :many
SELECT currency, owner, sum(balance) AS total, GROUPING(currency, owner) AS level
FROM accounts
GROUP BY ROLLUP (currency, owner)
ORDER BY currency, owner;

-- name: AccountsPerCurrencyCube :many
SELECT currency, count(*) FROM accounts GROUP BY CUBE (currency);

-- name: AccountsPerOwnerOrCurrency :many
SELECT owner, currency, count(*) FROM accounts GROUP BY GROUPING SETS ((owner), (currency), ());

-- A key outside the ROLLUP is in every row.
-- name: AccountsPerOwnerRollup :many
SELECT owner, currency, count(*) FROM accounts WHERE balance > $1 GROUP BY owner, ROLLUP (currency);
