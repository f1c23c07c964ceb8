-- name: CreateCoupon :one
INSERT INTO coupons (code, course_id, created_by, kind, amount, max_redemptions, valid_from, valid_until)
VALUES (upper(@code::text), @course_id, @created_by, @kind, @amount, @max_redemptions,
        COALESCE(sqlc.narg(valid_from)::timestamptz, now()), @valid_until)
RETURNING *;

-- Looks up a coupon the caller may apply to a course, with the price it yields.
-- name: QuoteCoupon :one
SELECT cp.id, cp.code, cp.kind, cp.amount, c.price AS list_price,
       GREATEST(c.price - CASE cp.kind
                              WHEN 'percent' THEN round(c.price * cp.amount / 100, 2)
                              ELSE cp.amount
                          END, 0)::numeric(10,2) AS final_price
FROM coupons cp
JOIN courses c ON c.id = @course_id
WHERE cp.code = upper(@code::text)
  AND cp.active
  AND (cp.course_id IS NULL OR cp.course_id = c.id)
  AND now() >= cp.valid_from
  AND (cp.valid_until IS NULL OR now() < cp.valid_until)
  AND (cp.max_redemptions IS NULL OR cp.redemptions < cp.max_redemptions);

-- Atomically consumes one redemption; returns nothing when used up.
-- name: RedeemCoupon :one
UPDATE coupons
SET redemptions = redemptions + 1
WHERE id = $1 AND active
  AND (max_redemptions IS NULL OR redemptions < max_redemptions)
RETURNING id, redemptions, max_redemptions;

-- name: DeactivateCoupon :execrows
UPDATE coupons SET active = false WHERE code = $1 AND active;

-- Coupons of an instructor's courses with remaining uses and revenue driven.
-- name: ListInstructorCoupons :many
SELECT cp.id, cp.code, cp.kind, cp.amount, cp.redemptions,
       CASE WHEN cp.max_redemptions IS NULL THEN NULL
            ELSE cp.max_redemptions - cp.redemptions END AS remaining,
       COALESCE(sum(p.amount) FILTER (WHERE p.status = 'paid'), 0) AS revenue
FROM coupons cp
JOIN courses c ON c.id = cp.course_id
LEFT JOIN payments p ON p.coupon_id = cp.id
WHERE c.instructor_id = $1
GROUP BY cp.id
ORDER BY cp.valid_from DESC;

-- Turns off coupons that are past their end date or used up.
-- name: DeactivateExhaustedCoupons :execrows
UPDATE coupons SET active = false
WHERE active
  AND (valid_until < now() OR redemptions >= max_redemptions);

-- name: CreatePayment :one
INSERT INTO payments (user_id, course_id, coupon_id, list_price, discount, amount, currency)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING *;

-- Confirms a payment and enrolls the buyer in one statement.
-- name: ConfirmPayment :one
WITH paid AS (
    UPDATE payments
    SET status = 'paid', paid_at = now(), provider_ref = @provider_ref
    WHERE id = @payment_id AND status = 'pending'
    RETURNING id, user_id, course_id
), enrolled AS (
    INSERT INTO enrollments (user_id, course_id, source)
    SELECT user_id, course_id, 'purchase' FROM paid
    ON CONFLICT (user_id, course_id) DO UPDATE SET source = excluded.source
    RETURNING id, user_id, course_id
)
UPDATE payments p
SET enrollment_id = enrolled.id
FROM enrolled, paid
WHERE p.id = paid.id
RETURNING p.id, p.enrollment_id, p.paid_at;

-- name: FailPayment :exec
UPDATE payments SET status = 'failed' WHERE id = $1 AND status = 'pending';

-- Refunds a payment within the refund window and removes the enrollment.
-- name: RefundPayment :one
WITH refunded AS (
    UPDATE payments
    SET status = 'refunded', refunded_at = now()
    WHERE id = $1 AND status = 'paid' AND paid_at > now() - $2::interval
    RETURNING id, enrollment_id, amount
), removed AS (
    DELETE FROM enrollments e
    USING refunded r
    WHERE e.id = r.enrollment_id
    RETURNING e.id
)
SELECT r.id, r.amount, EXISTS (SELECT 1 FROM removed) AS unenrolled
FROM refunded r;

-- name: GetPaymentByProviderRef :one
SELECT * FROM payments WHERE provider_ref = $1;

-- A buyer's purchase history, keyset paginated.
-- name: ListUserPayments :many
SELECT p.id, p.amount, p.currency, p.status, p.created_at, c.title AS course_title, cp.code AS coupon_code
FROM payments p
JOIN courses c ON c.id = p.course_id
LEFT JOIN coupons cp ON cp.id = p.coupon_id
WHERE p.user_id = sqlc.arg(user_id)
  AND (sqlc.narg(before)::timestamptz IS NULL OR p.created_at < sqlc.narg(before))
ORDER BY p.created_at DESC
LIMIT sqlc.arg(page_size);

-- Deletes pending payments that were never completed.
-- name: DeleteAbandonedPayments :execrows
DELETE FROM payments
WHERE status = 'pending' AND created_at < now() - interval '2 days';

-- Revenue per instructor per month, with the instructor's share.
-- name: GetInstructorMonthlyRevenue :many
SELECT c.instructor_id,
       date_trunc('month', p.paid_at)::date AS month,
       count(*) AS sales,
       sum(p.amount) AS gross,
       round(sum(p.amount * i.revenue_share), 2) AS instructor_share,
       round(sum(p.amount * (1 - i.revenue_share)), 2) AS platform_share
FROM payments p
JOIN courses c ON c.id = p.course_id
JOIN instructors i ON i.user_id = c.instructor_id
WHERE p.status = 'paid'
  AND p.paid_at >= @from_date::date
  AND p.paid_at < @to_date::date + 1
GROUP BY c.instructor_id, date_trunc('month', p.paid_at)
ORDER BY month, gross DESC;

-- One instructor's months with growth against the previous month.
-- name: GetInstructorRevenueTrend :many
WITH monthly AS (
    SELECT date_trunc('month', p.paid_at) AS month, sum(p.amount) AS gross
    FROM payments p
    JOIN courses c ON c.id = p.course_id
    WHERE c.instructor_id = $1 AND p.status = 'paid'
    GROUP BY 1
)
SELECT month::date AS month, gross,
       lag(gross) OVER (ORDER BY month) AS previous_gross,
       round(100 * (gross - lag(gross) OVER (ORDER BY month))
             / NULLIF(lag(gross) OVER (ORDER BY month), 0), 1) AS growth_pct,
       sum(gross) OVER (ORDER BY month) AS cumulative
FROM monthly
ORDER BY month;

-- Payout statement: monthly totals per instructor as a JSON document.
-- name: GetPayoutStatement :one
SELECT i.user_id, u.display_name, i.payout_email,
       jsonb_build_object(
           'month', to_char(@month::date, 'YYYY-MM'),
           'courses', COALESCE(jsonb_agg(jsonb_build_object(
               'course_id', s.course_id, 'title', s.title, 'sales', s.sales, 'gross', s.gross
           ) ORDER BY s.gross DESC) FILTER (WHERE s.course_id IS NOT NULL), '[]'::jsonb),
           'total', COALESCE(sum(s.gross), 0),
           'payout', round(COALESCE(sum(s.gross), 0) * i.revenue_share, 2)
       ) AS statement
FROM instructors i
JOIN users u ON u.id = i.user_id
LEFT JOIN LATERAL (
    SELECT c.id AS course_id, c.title, count(*) AS sales, sum(p.amount) AS gross
    FROM courses c
    JOIN payments p ON p.course_id = c.id
    WHERE c.instructor_id = i.user_id
      AND p.status = 'paid'
      AND p.paid_at >= @month::date
      AND p.paid_at < @month::date + interval '1 month'
    GROUP BY c.id, c.title
) s ON true
WHERE i.user_id = @instructor_id
GROUP BY i.user_id, u.display_name, i.payout_email, i.revenue_share;

-- Best-selling courses of a period with revenue rank and share of total.
-- name: GetBestSellers :many
SELECT c.id, c.title, count(*) AS sales, sum(p.amount) AS revenue,
       rank() OVER (ORDER BY sum(p.amount) DESC) AS revenue_rank,
       round(100 * sum(p.amount) / sum(sum(p.amount)) OVER (), 2) AS share_pct,
       ntile(10) OVER (ORDER BY sum(p.amount) DESC) AS decile
FROM payments p
JOIN courses c ON c.id = p.course_id
WHERE p.status = 'paid' AND p.paid_at BETWEEN $1 AND $2
GROUP BY c.id, c.title
ORDER BY revenue DESC
LIMIT $3;

-- The top course of each instructor by revenue this year.
-- name: GetTopCoursePerInstructor :many
SELECT DISTINCT ON (c.instructor_id)
       c.instructor_id, c.id AS course_id, c.title, sum(p.amount) AS revenue
FROM courses c
JOIN payments p ON p.course_id = c.id AND p.status = 'paid'
WHERE p.paid_at >= date_trunc('year', now())
GROUP BY c.instructor_id, c.id, c.title
ORDER BY c.instructor_id, sum(p.amount) DESC;

-- Coupon effectiveness: discount given versus revenue kept.
-- name: GetCouponEffectiveness :many
SELECT cp.code,
       count(p.id) AS uses,
       sum(p.discount) AS total_discount,
       sum(p.amount) AS total_revenue,
       round(avg(p.discount / NULLIF(p.list_price, 0)) * 100, 1) AS avg_discount_pct,
       string_agg(DISTINCT c.title, ', ' ORDER BY c.title) AS courses
FROM coupons cp
JOIN payments p ON p.coupon_id = cp.id AND p.status = 'paid'
JOIN courses c ON c.id = p.course_id
GROUP BY cp.code
HAVING count(p.id) >= $1
ORDER BY total_revenue DESC;

-- Daily sales for the admin dashboard, gaps filled.
-- name: GetDailySales :many
SELECT d::date AS day,
       count(p.id) AS sales,
       COALESCE(sum(p.amount), 0)::numeric(12,2) AS revenue,
       count(p.id) FILTER (WHERE p.coupon_id IS NOT NULL) AS with_coupon
FROM generate_series(@from_date::date, @to_date::date, interval '1 day') AS d
LEFT JOIN payments p
       ON p.status = 'paid' AND p.paid_at >= d AND p.paid_at < d + interval '1 day'
GROUP BY d
ORDER BY d;

-- Refund rate per course, only for courses with enough sales.
-- name: GetRefundRates :many
SELECT course_id,
       count(*) FILTER (WHERE status IN ('paid', 'refunded')) AS sold,
       count(*) FILTER (WHERE status = 'refunded') AS refunded,
       round((count(*) FILTER (WHERE status = 'refunded'))::numeric
             / NULLIF(count(*) FILTER (WHERE status IN ('paid', 'refunded')), 0), 3) AS refund_rate,
       avg(refunded_at - paid_at) FILTER (WHERE status = 'refunded') AS avg_time_to_refund
FROM payments
GROUP BY course_id
HAVING count(*) FILTER (WHERE status IN ('paid', 'refunded')) >= $1
ORDER BY refund_rate DESC NULLS LAST;

-- Revenue vs. engagement: paid students and their average completion per course.
-- name: GetCourseValueReport :many
SELECT c.id, c.title, c.price,
       count(DISTINCT p.user_id) AS paying_students,
       COALESCE(sum(p.amount), 0) AS revenue,
       count(DISTINCT e.user_id) FILTER (WHERE e.completed_at IS NOT NULL) AS completers,
       round(COALESCE(avg(EXTRACT(epoch FROM e.completed_at - e.enrolled_at) / 86400), 0)::numeric, 1) AS avg_days_to_complete
FROM courses c
LEFT JOIN payments p ON p.course_id = c.id AND p.status = 'paid'
LEFT JOIN enrollments e ON e.id = p.enrollment_id
WHERE c.instructor_id = $1
GROUP BY c.id, c.title, c.price
ORDER BY revenue DESC;

-- Free courses and paid courses a user has access to, as one list of ids.
-- name: ListAccessibleCourseIDs :many
SELECT id FROM courses WHERE price = 0 AND status = 'published'
UNION
SELECT course_id FROM enrollments
WHERE user_id = $1 AND (expires_on IS NULL OR expires_on >= current_date);

-- Price changes by percentage for all of an instructor's courses.
-- name: AdjustInstructorPrices :many
UPDATE courses
SET price = round(price * (1 + @percent::numeric / 100), 2), updated_at = now()
WHERE instructor_id = @instructor_id AND price > 0
RETURNING id, title, price;

-- Students who bought but never started any lesson of the course.
-- name: ListPaidButNotStarted :many
SELECT p.user_id, p.course_id, p.paid_at, u.email
FROM payments p
JOIN users u ON u.id = p.user_id
WHERE p.status = 'paid'
  AND p.paid_at < now() - $1::interval
  AND NOT EXISTS (
      SELECT 1
      FROM lesson_progress lp
      JOIN lessons l ON l.id = lp.lesson_id
      JOIN course_modules m ON m.id = l.module_id
      WHERE lp.user_id = p.user_id AND m.course_id = p.course_id
  )
ORDER BY p.paid_at;
