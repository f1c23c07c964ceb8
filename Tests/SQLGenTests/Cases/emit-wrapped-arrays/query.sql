-- name: CreateInvoice :one
INSERT INTO invoices (amounts, attachments, notes) VALUES (@amounts, @attachments, @notes) RETURNING *;

-- name: InvoiceAmounts :one
SELECT amounts FROM invoices WHERE id = @id;

-- name: InvoiceNotes :many
SELECT id, notes FROM invoices WHERE amounts && @amounts::numeric[];
