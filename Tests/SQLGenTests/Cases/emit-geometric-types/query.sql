-- name: CreateZone :one
INSERT INTO zones (area, bounds) VALUES ($1, $2) RETURNING *;

-- name: ZonesAround :many
SELECT id, area FROM zones WHERE area @> @spot::point ORDER BY id;
