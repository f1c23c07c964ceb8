CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    owner varchar NOT NULL,
    balance bigint NOT NULL DEFAULT 0
);

-- A SQL function with a default argument.
CREATE FUNCTION account_label(account_id bigint, prefix text DEFAULT '#') RETURNS text
LANGUAGE sql STABLE
AS $$ SELECT prefix || owner FROM accounts WHERE id = account_id $$;

CREATE OR REPLACE FUNCTION rich_accounts(minimum bigint) RETURNS SETOF accounts
LANGUAGE sql STABLE
AS $$ SELECT * FROM accounts WHERE balance >= minimum $$;

CREATE FUNCTION balance_stats(OUT total numeric, OUT largest bigint)
LANGUAGE sql STABLE
AS $$ SELECT sum(balance), max(balance) FROM accounts $$;

CREATE FUNCTION owners_like(pattern text) RETURNS TABLE (owner varchar, accounts bigint)
LANGUAGE plpgsql STABLE STRICT
AS $$
BEGIN
    RETURN QUERY SELECT a.owner, count(*) FROM accounts a WHERE a.owner LIKE pattern GROUP BY a.owner;
END
$$;

CREATE PROCEDURE deposit(account_id bigint, amount bigint, INOUT new_balance bigint DEFAULT NULL)
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE accounts SET balance = balance + amount WHERE id = account_id RETURNING balance INTO new_balance;
END
$$;

CREATE FUNCTION to_be_dropped() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
DROP FUNCTION to_be_dropped();

CREATE SEQUENCE invoice_numbers START 1000;
