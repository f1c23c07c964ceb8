-- Creates a draft invoice for a visit with one line per visit item, and its totals.
-- name: CreateInvoiceFromVisit :one
WITH v AS (
    SELECT vis.id, p.client_id, c.clinic_id
    FROM visits vis
    JOIN pets p ON p.id = vis.pet_id
    JOIN clients c ON c.id = p.client_id
    WHERE vis.id = @visit_id AND vis.signed_at IS NOT NULL
), inv AS (
    INSERT INTO invoices (clinic_id, client_id, visit_id)
    SELECT v.clinic_id, v.client_id, v.id FROM v
    RETURNING id
), lines AS (
    INSERT INTO invoice_lines (invoice_id, visit_item_id, description, quantity, unit_price, vat_rate, line_total)
    SELECT inv.id, vi.id, t.name, vi.quantity, vi.unit_price, t.vat_rate,
           round(vi.quantity * vi.unit_price * (1 - vi.discount_pct / 100), 2)
    FROM inv
    CROSS JOIN visit_items vi
    JOIN treatments t ON t.id = vi.treatment_id
    WHERE vi.visit_id = @visit_id
    RETURNING invoice_id, line_total, vat_rate
)
UPDATE invoices i
SET subtotal  = s.subtotal,
    tax_total = s.tax_total,
    total     = s.subtotal + s.tax_total
FROM (
    SELECT invoice_id,
           sum(line_total) AS subtotal,
           round(sum(line_total * vat_rate), 2) AS tax_total
    FROM lines
    GROUP BY invoice_id
) s
WHERE i.id = s.invoice_id
RETURNING i.*;

-- name: CreateInvoice :one
INSERT INTO invoices (clinic_id, client_id)
VALUES ($1, $2)
RETURNING *;

-- name: AddInvoiceLine :one
INSERT INTO invoice_lines (invoice_id, description, quantity, unit_price, vat_rate, line_total)
VALUES (@invoice_id, @description, @quantity, @unit_price, @vat_rate,
        round(@quantity::numeric * @unit_price::numeric, 2))
RETURNING *;

-- Recomputes the totals of a draft invoice from its lines.
-- name: RecalculateInvoice :one
UPDATE invoices i
SET subtotal = t.subtotal,
    tax_total = t.tax_total,
    total = t.subtotal + t.tax_total,
    updated_at = now()
FROM (
    SELECT COALESCE(sum(line_total), 0)::numeric(12,2) AS subtotal,
           COALESCE(round(sum(line_total * vat_rate), 2), 0)::numeric(12,2) AS tax_total
    FROM invoice_lines
    WHERE invoice_id = $1
) t
WHERE i.id = $1 AND i.status = 'draft'
RETURNING i.id, i.subtotal, i.tax_total, i.total;

-- name: DeleteInvoiceLine :execrows
DELETE FROM invoice_lines l
USING invoices i
WHERE l.id = $1 AND i.id = l.invoice_id AND i.status = 'draft';

-- Issues a draft invoice with the next number of the year.
-- name: IssueInvoice :one
UPDATE invoices
SET status = 'issued',
    number = @prefix::text || to_char(current_date, 'YYYY') || '-' || lpad((
        SELECT (count(*) + 1)::text
        FROM invoices x
        WHERE x.clinic_id = invoices.clinic_id
          AND x.issued_on >= date_trunc('year', current_date)::date
    ), 5, '0'),
    issued_on = current_date,
    due_on = current_date + @payment_terms_days::integer,
    updated_at = now()
WHERE id = @id AND status = 'draft' AND total > 0
RETURNING *;

-- name: VoidInvoice :execrows
UPDATE invoices
SET status = 'void', updated_at = now()
WHERE id = $1 AND status IN ('draft', 'issued')
  AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = invoices.id);

-- name: GetInvoice :one
SELECT * FROM invoices WHERE id = $1;

-- name: GetInvoiceByNumber :one
SELECT * FROM invoices WHERE number = $1;

-- The printable invoice: header, lines and payments as JSON.
-- name: GetInvoiceDocument :one
SELECT i.id, i.number, i.status, i.issued_on, i.due_on, i.subtotal, i.tax_total, i.total,
       c.first_name || ' ' || c.last_name AS bill_to,
       cl.name AS clinic_name,
       COALESCE(lines.items, '[]'::jsonb) AS lines,
       COALESCE(pay.items, '[]'::jsonb) AS payments,
       i.total - COALESCE(pay.paid, 0) AS balance_due
FROM invoices i
JOIN clients c ON c.id = i.client_id
JOIN clinics cl ON cl.id = i.clinic_id
LEFT JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object(
               'description', l.description,
               'quantity', l.quantity,
               'unit_price', l.unit_price,
               'total', l.line_total) ORDER BY l.id) AS items
    FROM invoice_lines l WHERE l.invoice_id = i.id
) lines ON true
LEFT JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object('method', p.method, 'amount', p.amount, 'at', p.received_at)
                     ORDER BY p.received_at) AS items,
           sum(p.amount) AS paid
    FROM payments p WHERE p.invoice_id = i.id
) pay ON true
WHERE i.id = $1;

-- Keyset pagination over a client's invoices.
-- name: ListClientInvoices :many
SELECT id, number, status, issued_on, total
FROM invoices
WHERE client_id = @client_id
  AND (sqlc.narg(before_id)::bigint IS NULL OR id < sqlc.narg(before_id))
ORDER BY id DESC
LIMIT @page_size;

-- name: ListInvoices :many
SELECT i.id, i.number, i.status, i.issued_on, i.due_on, i.total, c.last_name
FROM invoices i
JOIN clients c ON c.id = i.client_id
WHERE i.clinic_id = sqlc.arg(clinic_id)
  AND (sqlc.narg(status)::invoice_status IS NULL OR i.status = sqlc.narg(status))
  AND (sqlc.narg(issued_from)::date IS NULL OR i.issued_on >= sqlc.narg(issued_from))
  AND (sqlc.narg(issued_to)::date IS NULL OR i.issued_on <= sqlc.narg(issued_to))
ORDER BY i.created_at DESC
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- Records a payment and marks the invoice paid when it is settled.
-- name: RecordPayment :one
WITH pay AS (
    INSERT INTO payments (invoice_id, method, amount, reference, metadata)
    VALUES (@invoice_id, @method, @amount, @reference, @metadata)
    RETURNING id, invoice_id, amount
), settled AS (
    UPDATE invoices i
    SET status = 'paid', updated_at = now()
    FROM pay
    WHERE i.id = pay.invoice_id
      AND i.status = 'issued'
      AND i.total <= pay.amount + (SELECT COALESCE(sum(amount), 0) FROM payments WHERE invoice_id = i.id)
    RETURNING i.id
)
SELECT pay.id, pay.amount, EXISTS (SELECT 1 FROM settled) AS invoice_settled
FROM pay;

-- name: ListPaymentsForInvoice :many
SELECT id, method, amount, reference, received_at
FROM payments
WHERE invoice_id = $1
ORDER BY received_at;

-- Refunds are negative payments.
-- name: RefundPayment :one
INSERT INTO payments (invoice_id, method, amount, reference)
SELECT p.invoice_id, p.method, -abs($2::numeric), 'refund of #' || p.id
FROM payments p
WHERE p.id = $1
RETURNING *;

-- Accounts receivable ageing per client.
-- name: ReceivablesAging :many
WITH open AS (
    SELECT i.client_id, i.due_on,
           i.total - COALESCE((SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = i.id), 0) AS outstanding
    FROM invoices i
    WHERE i.clinic_id = $1 AND i.status = 'issued'
)
SELECT c.id AS client_id, c.first_name || ' ' || c.last_name AS client_name,
       sum(o.outstanding) FILTER (WHERE o.due_on >= current_date) AS current_amount,
       sum(o.outstanding) FILTER (WHERE o.due_on < current_date AND o.due_on >= current_date - 30) AS overdue_1_30,
       sum(o.outstanding) FILTER (WHERE o.due_on < current_date - 30 AND o.due_on >= current_date - 90) AS overdue_31_90,
       sum(o.outstanding) FILTER (WHERE o.due_on < current_date - 90) AS overdue_90_plus,
       sum(o.outstanding) AS total_outstanding
FROM open o
JOIN clients c ON c.id = o.client_id
GROUP BY c.id
HAVING sum(o.outstanding) > 0
ORDER BY total_outstanding DESC;

-- Invoices overdue by more than the given number of days, locked for the dunning run.
-- name: ClaimOverdueInvoices :many
SELECT id, client_id, number, total, due_on
FROM invoices
WHERE status = 'issued' AND due_on < current_date - $1::integer
ORDER BY due_on
LIMIT $2
FOR UPDATE SKIP LOCKED;

-- name: UpsertInsurancePolicy :one
INSERT INTO insurance_policies (pet_id, insurer, policy_number, coverage_pct, annual_limit, valid_from, valid_to)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (insurer, policy_number) DO UPDATE
SET pet_id = EXCLUDED.pet_id,
    coverage_pct = EXCLUDED.coverage_pct,
    annual_limit = EXCLUDED.annual_limit,
    valid_from = EXCLUDED.valid_from,
    valid_to = EXCLUDED.valid_to
RETURNING *;

-- The policy valid on a date and how much of its annual limit is used.
-- name: GetActivePolicy :one
SELECT ip.id, ip.insurer, ip.policy_number, ip.coverage_pct, ip.annual_limit,
       COALESCE(used.amount, 0)::numeric(12,2) AS used_this_year,
       ip.annual_limit - COALESCE(used.amount, 0) AS remaining
FROM insurance_policies ip
LEFT JOIN LATERAL (
    SELECT sum(p.amount) AS amount
    FROM payments p
    JOIN invoices i ON i.id = p.invoice_id
    JOIN visits v ON v.id = i.visit_id
    WHERE v.pet_id = ip.pet_id
      AND p.method = 'insurance'
      AND p.received_at >= date_trunc('year', @on_date::date)
) used ON true
WHERE ip.pet_id = @pet_id
  AND @on_date::date BETWEEN ip.valid_from AND ip.valid_to
ORDER BY ip.valid_from DESC
LIMIT 1;

-- name: ListExpiringPolicies :many
SELECT ip.id, ip.insurer, ip.valid_to, p.name AS pet_name, c.email
FROM insurance_policies ip
JOIN pets p ON p.id = ip.pet_id
JOIN clients c ON c.id = p.client_id
WHERE c.clinic_id = $1
  AND ip.valid_to BETWEEN current_date AND current_date + $2::integer
ORDER BY ip.valid_to;

-- Deletes draft invoices nobody touched for a month.
-- name: PurgeStaleDrafts :execrows
DELETE FROM invoices
WHERE status = 'draft'
  AND updated_at < now() - interval '30 days'
  AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = invoices.id);

-- Payment totals per method for a day, for the cash-up.
-- name: DailyCashUp :many
SELECT p.method, count(*) AS payments, sum(p.amount)::numeric(12,2) AS total
FROM payments p
JOIN invoices i ON i.id = p.invoice_id
WHERE i.clinic_id = $1
  AND p.received_at >= $2::date
  AND p.received_at < $2::date + 1
GROUP BY ROLLUP (p.method)
ORDER BY p.method NULLS LAST;
