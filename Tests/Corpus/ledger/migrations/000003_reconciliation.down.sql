DROP INDEX IF EXISTS accounts_ledger_kind_idx;
ALTER TABLE accounts DROP COLUMN IF EXISTS tags;
ALTER TABLE accounts DROP COLUMN IF EXISTS normal_balance;
DROP INDEX IF EXISTS postings_statement_line_key;
ALTER TABLE postings DROP COLUMN IF EXISTS statement_line_id;
DROP TABLE IF EXISTS statement_lines;
