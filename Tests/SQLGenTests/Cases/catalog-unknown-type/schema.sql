CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    owner strng NOT NULL,
    balance bgint NOT NULL,
    currency txt NOT NULL
);

CREATE TABLE users (
    username varchar PRIMARY KEY
);
