-- name: AccountStats :one
SELECT count(*) AS accounts, sum(balance) AS total, avg(balance) AS average, max(created_at) AS newest
FROM accounts
WHERE owner = @owner;
