CREATE TYPE discount_kind AS ENUM ('percent', 'fixed');
CREATE TYPE payment_status AS ENUM ('pending', 'paid', 'refunded', 'failed');

CREATE TABLE course_reviews (
    id          bigserial PRIMARY KEY,
    course_id   bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body        text,
    helpful_count integer NOT NULL DEFAULT 0,
    hidden      boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (course_id, user_id)
);

CREATE TABLE discussion_posts (
    id          bigserial PRIMARY KEY,
    course_id   bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    lesson_id   bigint REFERENCES lessons (id) ON DELETE SET NULL,
    parent_id   bigint REFERENCES discussion_posts (id) ON DELETE CASCADE,
    author_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       text,
    body        text NOT NULL,
    upvotes     integer NOT NULL DEFAULT 0,
    pinned      boolean NOT NULL DEFAULT false,
    resolved    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    edited_at   timestamptz,
    deleted_at  timestamptz,
    CHECK ((parent_id IS NULL) = (title IS NOT NULL))
);

CREATE INDEX discussion_posts_course_idx ON discussion_posts (course_id, created_at DESC) WHERE parent_id IS NULL;
CREATE INDEX discussion_posts_parent_idx ON discussion_posts (parent_id);

CREATE TABLE coupons (
    id              bigserial PRIMARY KEY,
    code            varchar(32) NOT NULL UNIQUE,
    course_id       bigint REFERENCES courses (id) ON DELETE CASCADE,
    created_by      bigint NOT NULL REFERENCES users (id),
    kind            discount_kind NOT NULL,
    amount          numeric(10,2) NOT NULL CHECK (amount > 0),
    max_redemptions integer,
    redemptions     integer NOT NULL DEFAULT 0,
    valid_from      timestamptz NOT NULL DEFAULT now(),
    valid_until     timestamptz,
    active          boolean NOT NULL DEFAULT true
);

CREATE TABLE payments (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    enrollment_id   bigint UNIQUE REFERENCES enrollments (id) ON DELETE SET NULL,
    user_id         bigint NOT NULL REFERENCES users (id),
    course_id       bigint NOT NULL REFERENCES courses (id),
    coupon_id       bigint REFERENCES coupons (id),
    list_price      numeric(10,2) NOT NULL,
    discount        numeric(10,2) NOT NULL DEFAULT 0,
    amount          numeric(10,2) NOT NULL,
    currency        char(3) NOT NULL DEFAULT 'USD',
    status          payment_status NOT NULL DEFAULT 'pending',
    provider_ref    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    paid_at         timestamptz,
    refunded_at     timestamptz
);

CREATE INDEX payments_course_paid_idx ON payments (course_id, paid_at) WHERE status = 'paid';
