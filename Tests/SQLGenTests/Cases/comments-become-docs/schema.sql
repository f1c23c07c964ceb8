-- People who bank with us.
CREATE TABLE users (
    -- Login name, chosen at sign-up.
    username varchar PRIMARY KEY,
    email varchar NOT NULL
);

CREATE TYPE role AS ENUM ('depositor', 'banker');

CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    owner varchar NOT NULL REFERENCES users (username),
    balance bigint NOT NULL
);

COMMENT ON TABLE accounts IS 'One account per owner and currency.';
COMMENT ON COLUMN accounts.balance IS 'In the currency''s minor unit.';
COMMENT ON COLUMN users.email IS 'Verified before use.';
COMMENT ON TYPE role IS 'What a user may do.';
