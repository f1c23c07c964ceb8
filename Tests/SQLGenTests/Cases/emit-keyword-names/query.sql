-- name: GetSetting :one
SELECT * FROM settings WHERE "default" = $1;

-- name: CreateSetting :exec
INSERT INTO settings ("default", self, type, class) VALUES ($1, $2, $3, $4);

-- name: ListEntries :many
SELECT "default", "default" AS default_copy, self FROM settings ORDER BY self;

-- name: GetRange :one
SELECT * FROM postgres_ranges WHERE id = $1;

-- name: ListLoggingQueriers :many
SELECT * FROM logging_queriers ORDER BY id;
