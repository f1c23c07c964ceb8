CREATE TYPE coupon_kind AS ENUM ('percent', 'fixed_amount', 'free_shipping');

CREATE TABLE coupons (
    id              serial PRIMARY KEY,
    code            text NOT NULL,
    kind            coupon_kind NOT NULL,
    value           numeric(12,2) NOT NULL DEFAULT 0,
    min_subtotal    numeric(12,2),
    valid_during    tstzrange NOT NULL DEFAULT tstzrange(now(), NULL),
    max_redemptions integer,
    redemptions     integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT coupons_percent_range CHECK (kind <> 'percent' OR value BETWEEN 0 AND 100),
    CONSTRAINT coupons_redemptions_limit CHECK (max_redemptions IS NULL OR redemptions <= max_redemptions)
);

CREATE UNIQUE INDEX coupons_code_key ON coupons (upper(code));

ALTER TABLE orders ADD COLUMN coupon_id integer REFERENCES coupons (id) ON DELETE SET NULL;
ALTER TABLE orders ADD COLUMN notes text;
