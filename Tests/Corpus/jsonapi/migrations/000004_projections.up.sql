CREATE TABLE orders_projection (
    order_id   text PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    customer   jsonb       NOT NULL,
    lines      jsonb       NOT NULL DEFAULT '[]',
    total      numeric(12, 2) GENERATED ALWAYS AS ((customer ->> 'credit')::numeric(12, 2)) STORED,
    state      text        NOT NULL DEFAULT 'open',
    updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE orders_projection DROP COLUMN total;
ALTER TABLE orders_projection ADD COLUMN total numeric(12, 2) NOT NULL DEFAULT 0;
ALTER TABLE webhooks ALTER COLUMN headers TYPE jsonb USING headers::jsonb;
