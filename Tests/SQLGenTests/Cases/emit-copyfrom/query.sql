-- Loads accounts in bulk.
-- name: CopyAccounts :copyfrom
INSERT INTO accounts (owner, balance, currency, created_at) VALUES ($1, $2, $3, $4);

-- One parameter: the rows are its values. A schema-qualified table stays qualified.
-- name: CopyUsernames :copyfrom
INSERT INTO public.users (username, full_name, email) VALUES (@name, @name, @name);
