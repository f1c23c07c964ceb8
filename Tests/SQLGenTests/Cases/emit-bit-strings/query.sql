-- name: CreatePermission :one
INSERT INTO permissions (mask, extra) VALUES ($1, $2) RETURNING *;

-- B'…' is a bit constant; & of two bit strings is a bit string.
-- name: ReadableMasks :many
SELECT id, mask & B'00000001' AS readable FROM permissions WHERE extra = $1;
