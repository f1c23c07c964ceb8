-- Daily revenue with a 7-day moving average.
-- name: DailyRevenue :many
SELECT day, revenue,
       avg(revenue) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)::numeric(12,2) AS moving_avg_7d
FROM (
    SELECT date_trunc('day', placed_at)::date AS day, sum(total) AS revenue
    FROM orders
    WHERE status IN ('paid', 'shipped', 'delivered')
      AND placed_at >= @since::timestamptz
    GROUP BY 1
) d
ORDER BY day;

-- Best sellers per category: top N by units (row_number over partition).
-- name: TopProductsPerCategory :many
SELECT category_id, category_name, product_id, title, units, rank
FROM (
    SELECT c.id AS category_id, c.name AS category_name, p.id AS product_id, p.title,
           sum(ol.quantity) AS units,
           row_number() OVER (PARTITION BY c.id ORDER BY sum(ol.quantity) DESC) AS rank
    FROM order_lines ol
    JOIN orders o ON o.id = ol.order_id AND o.status <> 'cancelled'
    JOIN variants v ON v.id = ol.variant_id
    JOIN products p ON p.id = v.product_id
    JOIN categories c ON c.id = p.category_id
    WHERE o.placed_at >= $1
    GROUP BY c.id, c.name, p.id, p.title
) ranked
WHERE rank <= $2
ORDER BY category_name, rank;

-- Customer lifetime value and order count.
-- name: CustomerLifetimeValue :many
SELECT c.id, c.email,
       count(o.id) AS orders,
       COALESCE(sum(o.total), 0) AS lifetime_value,
       min(o.placed_at) AS first_order_at,
       max(o.placed_at) AS last_order_at
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id AND o.status NOT IN ('cancelled', 'refunded')
GROUP BY c.id
ORDER BY lifetime_value DESC
LIMIT $1;

-- Each order compared with the customer's previous order (LAG).
-- name: OrderIntervals :many
SELECT id, number, placed_at, total,
       placed_at - lag(placed_at) OVER w AS since_previous,
       total - lag(total) OVER w AS total_change
FROM orders
WHERE customer_id = $1
WINDOW w AS (ORDER BY placed_at)
ORDER BY placed_at;

-- Monthly sales per status in one row per month.
-- name: MonthlySalesByStatus :many
SELECT to_char(date_trunc('month', placed_at), 'YYYY-MM') AS month,
       count(*) AS orders,
       sum(total) FILTER (WHERE status IN ('paid', 'shipped', 'delivered')) AS revenue,
       count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
       count(*) FILTER (WHERE status = 'refunded') AS refunded
FROM orders
WHERE placed_at >= date_trunc('year', now())
GROUP BY 1
ORDER BY 1;

-- Coupon performance.
-- name: CouponPerformance :many
SELECT cp.code, cp.kind, cp.redemptions,
       count(o.id) AS orders,
       COALESCE(sum(o.discount), 0) AS total_discount,
       COALESCE(avg(o.subtotal), 0)::numeric(12,2) AS avg_subtotal,
       upper(cp.valid_during) AS expires_at,
       upper_inf(cp.valid_during) AS never_expires
FROM coupons cp
LEFT JOIN orders o ON o.coupon_id = cp.id
GROUP BY cp.id
ORDER BY orders DESC;

-- Latest order per customer with its line count (LATERAL).
-- name: LatestOrderPerCustomer :many
SELECT c.id AS customer_id, c.email, lo.id AS order_id, lo.number, lo.placed_at, lo.lines
FROM customers c
JOIN LATERAL (
    SELECT o.id, o.number, o.placed_at,
           (SELECT count(*) FROM order_lines ol WHERE ol.order_id = o.id) AS lines
    FROM orders o
    WHERE o.customer_id = c.id
    ORDER BY o.placed_at DESC
    LIMIT 1
) lo ON true
ORDER BY lo.placed_at DESC
LIMIT $1;

-- Share of each brand in revenue, with a cumulative share.
-- name: BrandRevenueShare :many
WITH brand_revenue AS (
    SELECT COALESCE(p.brand, '(none)') AS brand, sum(ol.quantity * ol.unit_price) AS revenue
    FROM order_lines ol
    JOIN orders o ON o.id = ol.order_id
    JOIN variants v ON v.id = ol.variant_id
    JOIN products p ON p.id = v.product_id
    WHERE o.status IN ('paid', 'shipped', 'delivered')
    GROUP BY 1
)
SELECT brand, revenue,
       round(100 * revenue / sum(revenue) OVER (), 2) AS share_percent,
       round(100 * sum(revenue) OVER (ORDER BY revenue DESC) / sum(revenue) OVER (), 2) AS cumulative_percent
FROM brand_revenue
ORDER BY revenue DESC;

-- Products never ordered.
-- name: ListNeverOrderedProducts :many
SELECT p.id, p.title, p.created_at
FROM products p
WHERE p.published
  AND NOT EXISTS (
      SELECT 1 FROM order_lines ol
      JOIN variants v ON v.id = ol.variant_id
      WHERE v.product_id = p.id
  )
ORDER BY p.created_at;

-- Customers by number of orders placed, bucketed.
-- name: OrderCountDistribution :many
SELECT CASE
           WHEN n = 1 THEN '1'
           WHEN n BETWEEN 2 AND 4 THEN '2-4'
           ELSE '5+'
       END AS bucket,
       count(*) AS customers
FROM (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) t
GROUP BY 1
ORDER BY min(n);

-- Export an order as one JSON document.
-- name: ExportOrderJSON :one
SELECT jsonb_build_object(
    'number', o.number,
    'status', o.status,
    'total', o.total,
    'customer', jsonb_build_object('email', c.email, 'name', c.full_name),
    'lines', (
        SELECT jsonb_agg(jsonb_build_object('sku', v.sku, 'qty', ol.quantity, 'price', ol.unit_price) ORDER BY ol.line_no)
        FROM order_lines ol JOIN variants v ON v.id = ol.variant_id
        WHERE ol.order_id = o.id
    )
) AS document
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.id = $1;

-- Revenue per country of the shipping address.
-- name: RevenueByCountry :many
SELECT COALESCE(a.country, '??') AS country,
       count(DISTINCT o.customer_id) AS customers,
       sum(o.total) AS revenue
FROM orders o
LEFT JOIN addresses a ON a.id = o.shipping_address_id
WHERE o.status IN ('paid', 'shipped', 'delivered')
  AND o.placed_at >= $1 AND o.placed_at < $2
GROUP BY ROLLUP (COALESCE(a.country, '??'))
ORDER BY revenue DESC;

-- Searches orders by number fragment or customer email.
-- name: SearchOrders :many
SELECT o.id, o.number, o.status, o.total, c.email
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.number ILIKE '%' || @term::text || '%'
   OR c.email ILIKE '%' || @term || '%'
   OR split_part(c.full_name, ' ', 2) ILIKE @term || '%'
ORDER BY o.placed_at DESC
LIMIT 25;
