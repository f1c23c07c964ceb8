CREATE TABLE permissions (
    id bigserial PRIMARY KEY,
    mask bit(8) NOT NULL,
    extra bit varying(64)
);
