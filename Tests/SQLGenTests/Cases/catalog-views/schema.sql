CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  owner varchar NOT NULL,
  balance bigint NOT NULL,
  currency varchar NOT NULL
);

CREATE TABLE entries (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  amount bigint NOT NULL,
  note text
);

-- Every account with the sum of its entries; accounts without entries have no total.
CREATE VIEW account_totals AS
SELECT a.id, a.owner, a.currency, sum(e.amount) AS total, count(e.id) AS entry_count
FROM accounts a
LEFT JOIN entries e ON e.account_id = a.id
GROUP BY a.id;

-- Renamed columns, and a view over a view.
CREATE VIEW rich_owners (name, biggest) AS
SELECT owner, max(total) FROM account_totals GROUP BY owner;

CREATE VIEW dropped AS SELECT 1 AS one;
DROP VIEW dropped;
DROP VIEW IF EXISTS never_created;

-- The columns are fixed when the view is created: a later column does not appear in it.
CREATE VIEW entry_rows AS SELECT * FROM entries;
ALTER TABLE entries ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

CREATE VIEW entry_notes AS SELECT id, note FROM entries;
-- Entries with a note: OR REPLACE may add columns at the end.
CREATE OR REPLACE VIEW entry_notes AS SELECT id, note, amount FROM entries WHERE note IS NOT NULL;

-- Balances by currency, refreshed nightly.
CREATE MATERIALIZED VIEW currency_totals (currency, accounts, balance) AS
SELECT currency, count(*), sum(balance) FROM accounts GROUP BY currency WITH NO DATA;

-- A table made from a query has no NOT NULL constraints: every column is optional.
CREATE TABLE account_snapshots AS SELECT id, owner, balance FROM accounts;
CREATE TABLE IF NOT EXISTS account_snapshots AS SELECT 1 AS ignored;

-- Renamed after creation.
CREATE VIEW old_name AS SELECT id AS account_id FROM accounts;
ALTER VIEW old_name RENAME TO account_ids;
ALTER VIEW account_ids RENAME COLUMN account_id TO id;
ALTER MATERIALIZED VIEW currency_totals RENAME COLUMN accounts TO account_count;
