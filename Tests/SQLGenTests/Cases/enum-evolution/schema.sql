CREATE TYPE account_status AS ENUM ('open', 'closed');
ALTER TYPE account_status ADD VALUE 'frozen' BEFORE 'closed';
ALTER TYPE account_status ADD VALUE IF NOT EXISTS 'open';
ALTER TYPE account_status ADD VALUE 'archived';
ALTER TYPE account_status RENAME VALUE 'closed' TO 'shut';

CREATE TYPE role AS ENUM ('depositor', 'banker');
ALTER TYPE role RENAME TO user_role;

CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    status account_status NOT NULL DEFAULT 'open',
    manager_role user_role
);
