-- name: CopyWithExpression :copyfrom
INSERT INTO accounts (owner, balance, currency) VALUES ($1, $2 + 1, $3);

-- name: CopyReturning :copyfrom
INSERT INTO accounts (owner, balance, currency) VALUES ($1, $2, $3) RETURNING id;

-- name: CopyTwoRows :copyfrom
INSERT INTO entries (account_id, amount) VALUES ($1, $2), ($3, $4);

-- name: CopyUpdate :copyfrom
UPDATE accounts SET balance = $1 WHERE id = $2;

-- name: CopyOnConflict :copyfrom
INSERT INTO users (username, full_name, email) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING;
