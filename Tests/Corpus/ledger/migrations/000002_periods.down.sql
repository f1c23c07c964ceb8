DROP TABLE IF EXISTS period_balances;
DROP TABLE IF EXISTS periods;
DROP TYPE IF EXISTS period_status;
