-- Queries run with the default search path: billing's objects need their schema.
-- name: OpenInvoices :many
SELECT id, status, total_cents FROM billing.invoices WHERE status = $1;

-- name: PaymentsOf :many
SELECT p.id, p.status, c.name
FROM payments p JOIN billing.invoices i ON i.id = p.invoice_id CROSS JOIN customers c
WHERE p.invoice_id = $1;
