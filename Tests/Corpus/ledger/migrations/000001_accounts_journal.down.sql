DROP TABLE IF EXISTS postings;
DROP TABLE IF EXISTS journal_transactions;
DROP TABLE IF EXISTS accounts;
DROP TABLE IF EXISTS ledgers;
DROP TYPE IF EXISTS account_kind;
