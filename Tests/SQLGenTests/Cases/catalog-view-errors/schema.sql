CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  owner varchar NOT NULL
);

CREATE VIEW owners AS SELECT ownr FROM accounts;
CREATE VIEW accounts AS SELECT 1 AS one;
CREATE VIEW ids AS SELECT id FROM accounts;
CREATE VIEW ids AS SELECT id FROM accounts;
CREATE VIEW pairs (a, b, c) AS SELECT id, owner FROM accounts;
CREATE VIEW twice AS SELECT id, id FROM accounts;
CREATE VIEW by_owner AS SELECT * FROM accounts WHERE owner = $1;
DROP VIEW idz;
CREATE MATERIALIZED VIEW mv (a, b) AS SELECT 1;
CREATE TABLE accounts AS SELECT 1;
DROP MATERIALIZED VIEW nothing;
ALTER VIEW nope RENAME TO other;
ALTER VIEW ids RENAME COLUMN nope TO other;
