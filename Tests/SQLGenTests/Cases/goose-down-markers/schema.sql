-- +goose Up
-- +goose StatementBegin
CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    owner varchar NOT NULL
);
-- +goose StatementEnd

\connect bank

-- +goose Down
DROP TABLE accounts;
this down section is never parsed
