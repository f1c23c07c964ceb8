ALTER TABLE webhooks ALTER COLUMN headers TYPE json USING headers::json;
DROP TABLE IF EXISTS orders_projection;
