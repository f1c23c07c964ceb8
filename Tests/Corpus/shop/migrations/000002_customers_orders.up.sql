CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'delivered', 'cancelled');
CREATE TYPE payment_status AS ENUM ('authorized', 'captured', 'refunded', 'failed');

CREATE TABLE customers (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    full_name   text NOT NULL,
    phone       text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE addresses (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    line1       text NOT NULL,
    line2       text,
    city        text NOT NULL,
    postal_code text NOT NULL,
    country     char(2) NOT NULL,
    is_default  boolean NOT NULL DEFAULT false
);

CREATE UNIQUE INDEX addresses_one_default ON addresses (customer_id) WHERE is_default;

CREATE TABLE carts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id bigint REFERENCES customers (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cart_items (
    cart_id     uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    variant_id  bigint NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    quantity    integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cart_id, variant_id)
);

CREATE TABLE orders (
    id                  bigserial PRIMARY KEY,
    number              text NOT NULL UNIQUE DEFAULT 'ORD-' || to_char(now(), 'YYYYMMDD') || '-' || substr(md5(random()::text), 1, 6),
    customer_id         bigint NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    shipping_address_id bigint REFERENCES addresses (id) ON DELETE SET NULL,
    status              order_status NOT NULL DEFAULT 'pending',
    currency            char(3) NOT NULL DEFAULT 'EUR',
    subtotal            numeric(12,2) NOT NULL DEFAULT 0,
    discount            numeric(12,2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
    shipping            numeric(12,2) NOT NULL DEFAULT 0,
    total               numeric(12,2) GENERATED ALWAYS AS (subtotal - discount + shipping) STORED,
    placed_at           timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at DESC);
CREATE INDEX orders_status_idx ON orders (status) WHERE status IN ('pending', 'paid');

CREATE TABLE order_lines (
    order_id    bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no     smallint NOT NULL,
    variant_id  bigint NOT NULL REFERENCES variants (id) ON DELETE RESTRICT,
    quantity    integer NOT NULL CHECK (quantity > 0),
    unit_price  numeric(12,2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE payments (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id        bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    provider        text NOT NULL,
    provider_ref    text NOT NULL,
    amount          numeric(12,2) NOT NULL CHECK (amount > 0),
    status          payment_status NOT NULL,
    raw_response    jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, provider_ref)
);
