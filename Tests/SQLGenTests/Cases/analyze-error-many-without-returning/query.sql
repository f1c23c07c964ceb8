-- name: ResetBalances :many
UPDATE accounts SET balance = 0 WHERE owner = @owner;
