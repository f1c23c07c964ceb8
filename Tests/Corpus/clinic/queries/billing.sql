-- Creates a draft invoice numbered per clinic and year.
-- name: CreateInvoice :one
INSERT INTO invoices (clinic_id, patient_id, appointment_id, number, currency)
VALUES (
    @clinic_id, @patient_id, @appointment_id,
    to_char(current_date, 'YYYY') || '-' || lpad((
        SELECT (count(*) + 1)::text FROM invoices
        WHERE clinic_id = @clinic_id AND number LIKE to_char(current_date, 'YYYY') || '-%'
    ), 6, '0'),
    @currency
)
RETURNING *;

-- name: GetInvoice :one
SELECT * FROM invoices WHERE id = $1;

-- name: GetInvoiceByNumber :one
SELECT * FROM invoices WHERE clinic_id = $1 AND number = $2;

-- name: AddInvoiceLine :one
INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price, tax_rate)
VALUES (
    $1,
    (SELECT COALESCE(max(position), 0) + 1 FROM invoice_lines WHERE invoice_id = $1),
    $2, $3, $4, $5
)
RETURNING *;

-- Bills the appointment type of the invoice's appointment as a line.
-- name: AddAppointmentLine :one
INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price)
SELECT i.id,
       (SELECT COALESCE(max(l.position), 0) + 1 FROM invoice_lines l WHERE l.invoice_id = i.id),
       t.name || ' (' || to_char(a.starts_at, 'YYYY-MM-DD') || ')',
       1, t.price
FROM invoices i
JOIN appointments a ON a.id = i.appointment_id
JOIN appointment_types t ON t.id = a.appointment_type_id
WHERE i.id = $1 AND i.status = 'draft'
RETURNING *;

-- name: ListInvoiceLines :many
SELECT id, position, description, quantity, unit_price, tax_rate,
       (quantity * unit_price)::numeric(12,2) AS net,
       round(quantity * unit_price * (1 + tax_rate), 2) AS gross
FROM invoice_lines
WHERE invoice_id = $1
ORDER BY position;

-- name: DeleteInvoiceLine :execrows
DELETE FROM invoice_lines l
USING invoices i
WHERE l.id = $1 AND i.id = l.invoice_id AND i.status = 'draft';

-- Recomputes the invoice total from its lines.
-- name: RecalculateInvoiceTotal :one
UPDATE invoices i
SET total = COALESCE(s.gross, 0), updated_at = now()
FROM (
    SELECT sum(round(quantity * unit_price * (1 + tax_rate), 2)) AS gross
    FROM invoice_lines
    WHERE invoice_id = $1
) s
WHERE i.id = $1
RETURNING i.id, i.total;

-- Issues a draft with a due date.
-- name: IssueInvoice :one
UPDATE invoices
SET status = 'issued', issued_on = current_date, due_on = current_date + @payment_terms_days::int, updated_at = now()
WHERE id = @id AND status = 'draft' AND total > 0
RETURNING *;

-- name: VoidInvoice :execrows
UPDATE invoices
SET status = 'void', notes = concat_ws(E'\n', notes, 'voided: ' || $2::text), updated_at = now()
WHERE id = $1 AND status IN ('draft', 'issued')
  AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = invoices.id AND p.refunded_at IS NULL);

-- Records a payment and marks the invoice paid once it is covered.
-- name: RecordPayment :one
WITH paid AS (
    INSERT INTO payments (invoice_id, amount, method, reference)
    VALUES (@invoice_id, @amount, @method, @reference)
    RETURNING id, invoice_id, amount
), settled AS (
    UPDATE invoices i
    SET status = 'paid', updated_at = now()
    FROM paid
    WHERE i.id = paid.invoice_id
      AND i.status = 'issued'
      AND i.total <= paid.amount + (
          SELECT COALESCE(sum(p.amount), 0) FROM payments p
          WHERE p.invoice_id = i.id AND p.refunded_at IS NULL)
    RETURNING i.id
)
SELECT paid.id AS payment_id, paid.amount, EXISTS (SELECT 1 FROM settled) AS invoice_settled
FROM paid;

-- name: ListPaymentsForInvoice :many
SELECT id, amount, method, reference, received_at, refunded_at
FROM payments
WHERE invoice_id = $1
ORDER BY received_at;

-- name: RefundPayment :one
UPDATE payments
SET refunded_at = now()
WHERE id = $1 AND refunded_at IS NULL
RETURNING *;

-- Outstanding balance per invoice for a patient.
-- name: ListPatientBalances :many
SELECT i.id, i.number, i.status, i.total, i.due_on,
       i.total - COALESCE(sum(p.amount) FILTER (WHERE p.refunded_at IS NULL), 0) AS balance
FROM invoices i
LEFT JOIN payments p ON p.invoice_id = i.id
WHERE i.patient_id = $1 AND i.status IN ('issued', 'paid')
GROUP BY i.id
ORDER BY i.issued_on DESC;

-- Offset-paginated invoice list with an optional status filter.
-- name: ListInvoices :many
SELECT i.id, i.number, i.status, i.total, i.currency, i.issued_on, i.due_on,
       p.first_name || ' ' || p.last_name AS patient_name
FROM invoices i
JOIN patients p ON p.id = i.patient_id
WHERE i.clinic_id = sqlc.arg(clinic_id)
  AND (sqlc.narg(status)::invoice_status IS NULL OR i.status = sqlc.narg(status))
  AND (sqlc.narg(patient_id)::bigint IS NULL OR i.patient_id = sqlc.narg(patient_id))
ORDER BY i.created_at DESC, i.id DESC
LIMIT sqlc.arg(page_size) OFFSET sqlc.arg(page_offset);

-- Overdue invoices bucketed by days past due.
-- name: AgedReceivables :many
SELECT CASE
           WHEN current_date - i.due_on <= 30 THEN '0-30'
           WHEN current_date - i.due_on <= 60 THEN '31-60'
           WHEN current_date - i.due_on <= 90 THEN '61-90'
           ELSE '90+'
       END AS bucket,
       count(*) AS invoices,
       sum(i.total - COALESCE(paid.amount, 0)) AS outstanding
FROM invoices i
LEFT JOIN LATERAL (
    SELECT sum(p.amount) AS amount
    FROM payments p
    WHERE p.invoice_id = i.id AND p.refunded_at IS NULL
) paid ON true
WHERE i.clinic_id = $1
  AND i.status = 'issued'
  AND i.due_on < current_date
GROUP BY bucket
ORDER BY min(current_date - i.due_on);

-- Daily revenue with a running total for the month.
-- name: DailyRevenue :many
SELECT d.day::date AS day,
       COALESCE(sum(p.amount), 0)::numeric(12,2) AS received,
       sum(COALESCE(sum(p.amount), 0)) OVER (ORDER BY d.day)::numeric(12,2) AS running_total
FROM generate_series(date_trunc('month', @month::date), date_trunc('month', @month::date) + interval '1 month' - interval '1 day', interval '1 day') AS d(day)
LEFT JOIN payments p
  ON p.received_at >= d.day
 AND p.received_at < d.day + interval '1 day'
 AND p.refunded_at IS NULL
 AND p.invoice_id IN (SELECT id FROM invoices WHERE clinic_id = @clinic_id)
GROUP BY d.day
ORDER BY d.day;

-- Revenue split by payment method as a JSON object.
-- name: RevenueByMethod :one
SELECT COALESCE(jsonb_object_agg(method, total), '{}'::jsonb) AS totals
FROM (
    SELECT p.method, sum(p.amount) AS total
    FROM payments p
    JOIN invoices i ON i.id = p.invoice_id
    WHERE i.clinic_id = $1
      AND p.refunded_at IS NULL
      AND p.received_at >= $2 AND p.received_at < $3
    GROUP BY p.method
) t;

-- Revenue per practitioner and month, with the month's rank.
-- name: RevenueByPractitioner :many
SELECT pr.id, pr.full_name, date_trunc('month', i.issued_on)::date AS month,
       sum(i.total) AS invoiced,
       dense_rank() OVER (PARTITION BY date_trunc('month', i.issued_on) ORDER BY sum(i.total) DESC) AS rank_in_month
FROM invoices i
JOIN appointments a ON a.id = i.appointment_id
JOIN practitioners pr ON pr.id = a.practitioner_id
WHERE i.clinic_id = $1
  AND i.status IN ('issued', 'paid')
  AND i.issued_on >= $2
GROUP BY pr.id, pr.full_name, date_trunc('month', i.issued_on)
ORDER BY month, rank_in_month;

-- Completed appointments that were never invoiced.
-- name: ListUnbilledAppointments :many
SELECT a.id, a.patient_id, a.completed_at, t.name AS type_name, t.price
FROM appointments a
JOIN appointment_types t ON t.id = a.appointment_type_id
WHERE a.clinic_id = $1
  AND a.status = 'completed'
  AND t.price > 0
  AND NOT EXISTS (
      SELECT 1 FROM invoices i
      WHERE i.appointment_id = a.id AND i.status <> 'void')
ORDER BY a.completed_at;

-- Creates draft invoices with one line for every unbilled completed appointment.
-- name: InvoiceUnbilledAppointments :many
WITH unbilled AS (
    SELECT a.id AS appointment_id, a.patient_id, a.clinic_id, t.name, t.price,
           row_number() OVER (ORDER BY a.id) AS n
    FROM appointments a
    JOIN appointment_types t ON t.id = a.appointment_type_id
    WHERE a.clinic_id = @clinic_id
      AND a.status = 'completed'
      AND t.price > 0
      AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.appointment_id = a.id AND i.status <> 'void')
), created AS (
    INSERT INTO invoices (clinic_id, patient_id, appointment_id, number, total)
    SELECT u.clinic_id, u.patient_id, u.appointment_id, @prefix::text || lpad(u.n::text, 6, '0'), u.price
    FROM unbilled u
    RETURNING id, appointment_id
), lines AS (
    INSERT INTO invoice_lines (invoice_id, position, description, unit_price)
    SELECT c.id, 1, u.name, u.price
    FROM created c
    JOIN unbilled u ON u.appointment_id = c.appointment_id
    RETURNING invoice_id
)
SELECT c.id AS invoice_id, c.appointment_id
FROM created c
ORDER BY c.id;

-- Marks an issued invoice paid when insurance settles several invoices at once.
-- name: SettleInvoicesByInsurance :execrows
WITH inserted AS (
    INSERT INTO payments (invoice_id, amount, method, reference)
    SELECT i.id, i.total, 'insurance', $2::text
    FROM invoices i
    WHERE i.id = ANY($1::bigint[]) AND i.status = 'issued'
    RETURNING invoice_id
)
UPDATE invoices
SET status = 'paid', updated_at = now()
WHERE id IN (SELECT invoice_id FROM inserted);

-- Deletes empty drafts that were abandoned.
-- name: DeleteAbandonedDrafts :execrows
DELETE FROM invoices i
WHERE i.status = 'draft'
  AND i.created_at < now() - $1::interval
  AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id);
