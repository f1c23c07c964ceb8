-- Ordered-set aggregates: the fraction is double precision, the result follows the sorted value.
-- name: BalancePercentiles :one
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY balance) AS median,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY balance) AS p90,
       percentile_cont(ARRAY[0.25, 0.75]) WITHIN GROUP (ORDER BY balance) AS quartiles,
       mode() WITHIN GROUP (ORDER BY currency) AS usual_currency
FROM accounts
WHERE owner = $1;

-- name: CreatedAtPercentile :one
SELECT percentile_disc(@fraction::float8) WITHIN GROUP (ORDER BY created_at) FROM accounts;

-- name: MedianAccountAge :one
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY now() - created_at) AS age FROM accounts;
