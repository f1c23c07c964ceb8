ALTER TYPE order_status ADD VALUE 'refunded';

CREATE TABLE reviews (
    id          bigserial PRIMARY KEY,
    product_id  bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (product_id, customer_id)
);

ALTER TABLE products ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || coalesce(brand, '') || ' ' || description)) STORED;
CREATE INDEX products_search_idx ON products USING gin (search);

ALTER TABLE variants ADD COLUMN barcode text;
CREATE UNIQUE INDEX variants_barcode_key ON variants (barcode) WHERE barcode IS NOT NULL;
