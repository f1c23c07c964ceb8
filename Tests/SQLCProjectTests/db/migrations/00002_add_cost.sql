-- +goose Up
-- +goose StatementBegin
ALTER TABLE jobs ADD COLUMN cost numeric(12, 2);
ALTER TABLE teams ADD COLUMN budget numeric(12, 2) NOT NULL DEFAULT 0;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE teams DROP COLUMN budget;
ALTER TABLE jobs DROP COLUMN cost;
