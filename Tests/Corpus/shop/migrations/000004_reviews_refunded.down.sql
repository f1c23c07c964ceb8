DROP INDEX IF EXISTS variants_barcode_key;
ALTER TABLE variants DROP COLUMN IF EXISTS barcode;
DROP INDEX IF EXISTS products_search_idx;
ALTER TABLE products DROP COLUMN IF EXISTS search;
DROP TABLE IF EXISTS reviews;
