-- name: CreateCustomer :one
INSERT INTO customers (email, full_name, phone)
VALUES (lower($1), $2, $3)
ON CONFLICT (email) DO UPDATE SET full_name = excluded.full_name
RETURNING *;

-- name: AddAddress :one
INSERT INTO addresses (customer_id, line1, line2, city, postal_code, country, is_default)
VALUES ($1, $2, $3, $4, $5, upper($6), $7)
RETURNING *;

-- Makes one address the default and clears the flag on the others.
-- name: SetDefaultAddress :exec
UPDATE addresses
SET is_default = (id = @address_id)
WHERE customer_id = @customer_id;

-- name: ListAddresses :many
SELECT * FROM addresses
WHERE customer_id = $1
ORDER BY is_default DESC, id;

-- name: CreateCart :one
INSERT INTO carts (customer_id) VALUES ($1) RETURNING id;

-- Adds to the cart, summing quantities, capped at 99.
-- name: AddCartItem :one
INSERT INTO cart_items (cart_id, variant_id, quantity)
VALUES ($1, $2, $3)
ON CONFLICT (cart_id, variant_id)
DO UPDATE SET quantity = LEAST(cart_items.quantity + excluded.quantity, 99)
RETURNING quantity;

-- name: SetCartItemQuantity :execrows
UPDATE cart_items SET quantity = $3
WHERE cart_id = $1 AND variant_id = $2;

-- name: RemoveCartItem :exec
DELETE FROM cart_items WHERE cart_id = $1 AND variant_id = $2;

-- The cart's lines with current prices and line totals.
-- name: GetCartLines :many
SELECT ci.variant_id, v.sku, p.title, v.name AS variant_name, ci.quantity, v.price,
       v.price * ci.quantity AS line_total,
       COALESCE((SELECT sum(i.on_hand - i.reserved) FROM inventory i WHERE i.variant_id = v.id), 0) >= ci.quantity AS in_stock
FROM cart_items ci
JOIN variants v ON v.id = ci.variant_id
JOIN products p ON p.id = v.product_id
WHERE ci.cart_id = $1
ORDER BY ci.added_at;

-- name: GetCartTotals :one
SELECT count(*) AS lines,
       COALESCE(sum(ci.quantity), 0) AS items,
       COALESCE(sum(v.price * ci.quantity), 0)::numeric(12,2) AS subtotal,
       COALESCE(sum(v.weight_grams * ci.quantity), 0) AS weight_grams
FROM cart_items ci
JOIN variants v ON v.id = ci.variant_id
WHERE ci.cart_id = $1;

-- Deletes anonymous carts untouched for a while.
-- name: DeleteAbandonedCarts :execrows
DELETE FROM carts
WHERE customer_id IS NULL AND updated_at < now() - interval '30 days';

-- Looks up a coupon that is valid now.
-- name: GetValidCoupon :one
SELECT * FROM coupons
WHERE upper(code) = upper(@code::text)
  AND valid_during @> now()
  AND (max_redemptions IS NULL OR redemptions < max_redemptions);

-- name: CreateCoupon :one
INSERT INTO coupons (code, kind, value, min_subtotal, valid_during, max_redemptions)
VALUES (@code, @kind, @value, @min_subtotal, tstzrange(@starts_at::timestamptz, sqlc.narg(ends_at)::timestamptz, '[)'), @max_redemptions)
RETURNING *;

-- Redeems a coupon if it still has redemptions left.
-- name: RedeemCoupon :execrows
UPDATE coupons SET redemptions = redemptions + 1
WHERE id = $1 AND (max_redemptions IS NULL OR redemptions < max_redemptions);

-- Computes the discount a coupon gives on a subtotal.
-- name: ComputeCouponDiscount :one
SELECT CASE kind
           WHEN 'percent' THEN round(@subtotal::numeric * value / 100, 2)
           WHEN 'fixed_amount' THEN LEAST(value, @subtotal::numeric)
           ELSE 0
       END::numeric(12,2) AS discount,
       kind = 'free_shipping' AS free_shipping
FROM coupons
WHERE id = @coupon_id
  AND (min_subtotal IS NULL OR @subtotal::numeric >= min_subtotal);

-- Creates an order.
-- name: CreateOrder :one
INSERT INTO orders (customer_id, shipping_address_id, currency, shipping, coupon_id, notes)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, number, status, placed_at;

-- Copies the cart into order lines at current prices.
-- name: CreateOrderLinesFromCart :execrows
INSERT INTO order_lines (order_id, line_no, variant_id, quantity, unit_price)
SELECT @order_id, row_number() OVER (ORDER BY ci.added_at, ci.variant_id), ci.variant_id, ci.quantity, v.price
FROM cart_items ci
JOIN variants v ON v.id = ci.variant_id
WHERE ci.cart_id = @cart_id;

-- Recomputes the order's subtotal from its lines.
-- name: RecalculateOrderSubtotal :one
UPDATE orders o
SET subtotal = COALESCE((SELECT sum(ol.quantity * ol.unit_price) FROM order_lines ol WHERE ol.order_id = o.id), 0),
    discount = @discount,
    updated_at = now()
WHERE o.id = @order_id
RETURNING subtotal, discount, shipping, total;

-- name: GetOrder :one
SELECT o.*, c.email, c.full_name
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.id = $1;

-- Order lines with product data.
-- name: GetOrderLines :many
SELECT ol.line_no, v.sku, p.title, v.name AS variant_name, ol.quantity, ol.unit_price,
       ol.quantity * ol.unit_price AS line_total
FROM order_lines ol
JOIN variants v ON v.id = ol.variant_id
JOIN products p ON p.id = v.product_id
WHERE ol.order_id = $1
ORDER BY ol.line_no;

-- A customer's orders, newest first, keyset-paginated.
-- name: ListCustomerOrders :many
SELECT id, number, status, total, currency, placed_at,
       (SELECT count(*) FROM order_lines ol WHERE ol.order_id = orders.id) AS line_count
FROM orders
WHERE customer_id = $1 AND (placed_at, id) < ($2, $3)
ORDER BY placed_at DESC, id DESC
LIMIT $4;

-- Moves an order along its lifecycle only from allowed states.
-- name: UpdateOrderStatus :one
UPDATE orders
SET status = @new_status, updated_at = now()
WHERE id = @id
  AND status = ANY(@allowed_from::order_status[])
RETURNING id, status, updated_at;

-- Cancels stale unpaid orders and returns them for releasing stock.
-- name: CancelStalePendingOrders :many
UPDATE orders
SET status = 'cancelled', updated_at = now()
WHERE status = 'pending' AND placed_at < now() - @timeout::interval
RETURNING id, number;

-- name: RecordPayment :one
INSERT INTO payments (order_id, provider, provider_ref, amount, status, raw_response)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (provider, provider_ref)
DO UPDATE SET status = excluded.status, raw_response = excluded.raw_response
RETURNING id, status;

-- Amount paid versus order total.
-- name: GetOrderPaymentSummary :one
SELECT o.total,
       COALESCE(sum(p.amount) FILTER (WHERE p.status = 'captured'), 0) AS captured,
       COALESCE(sum(p.amount) FILTER (WHERE p.status = 'refunded'), 0) AS refunded,
       o.total - COALESCE(sum(p.amount) FILTER (WHERE p.status = 'captured'), 0) AS outstanding
FROM orders o
LEFT JOIN payments p ON p.order_id = o.id
WHERE o.id = $1
GROUP BY o.id;

-- Marks paid the pending orders whose captured payments cover the total.
-- name: MarkFullyPaidOrders :many
UPDATE orders o
SET status = 'paid', updated_at = now()
WHERE o.status = 'pending'
  AND o.total <= (SELECT COALESCE(sum(p.amount), 0) FROM payments p WHERE p.order_id = o.id AND p.status = 'captured')
RETURNING o.id;
