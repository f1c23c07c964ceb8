-- name: UsersAndAccounts :many
SELECT u.username, u.full_name, a.id AS account_id, a.balance
FROM users u
FULL JOIN accounts a ON a.owner = u.username
ORDER BY u.username, a.id;

-- name: AccountOwners :many
SELECT a.id, u.email
FROM users u
RIGHT JOIN accounts a ON a.owner = u.username
WHERE a.currency = @currency;
