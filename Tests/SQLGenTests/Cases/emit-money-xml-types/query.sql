-- name: CreateReceipt :one
INSERT INTO receipts (amount, detail) VALUES ($1, $2) RETURNING *;

-- name: CopyReceipts :copyfrom
INSERT INTO receipts (amount, detail) VALUES ($1, $2);
