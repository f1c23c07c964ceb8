-- name: CreateDevice :one
INSERT INTO devices (ip, subnet, mac, eui64) VALUES ($1, $2, $3, $4) RETURNING *;

-- name: DevicesIn :many
SELECT id, ip FROM devices WHERE ip << @subnet::cidr ORDER BY id;
