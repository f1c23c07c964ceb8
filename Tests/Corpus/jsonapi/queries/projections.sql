-- Projects an order.placed event into the orders read model.
-- name: ProjectOrderPlaced :exec
INSERT INTO orders_projection (order_id, tenant_id, customer, lines, total)
SELECT e.payload ->> 'id',
       e.tenant_id,
       e.payload -> 'customer',
       coalesce(e.payload -> 'items', '[]'),
       coalesce((SELECT sum((i ->> 'price')::numeric * (i ->> 'quantity')::int)
                 FROM jsonb_array_elements(e.payload -> 'items') AS i), 0)
FROM events e
WHERE e.id = $1
ON CONFLICT (order_id) DO UPDATE
SET customer = EXCLUDED.customer,
    lines = EXCLUDED.lines,
    total = EXCLUDED.total,
    updated_at = now();

-- name: GetOrder :one
SELECT * FROM orders_projection WHERE order_id = $1;

-- Orders with the customer's name and email pulled out.
-- name: ListOrders :many
SELECT order_id,
       customer ->> 'name' AS customer_name,
       customer ->> 'email' AS customer_email,
       jsonb_array_length(lines) AS line_count,
       total,
       state
FROM orders_projection
WHERE tenant_id = $1
ORDER BY updated_at DESC
LIMIT $2;

-- Adds a line to an order and recomputes the total.
-- name: AddOrderLine :one
UPDATE orders_projection
SET lines = lines || jsonb_build_array(@line::jsonb),
    total = total + (@line::jsonb ->> 'price')::numeric * coalesce((@line::jsonb ->> 'quantity')::int, 1),
    updated_at = now()
WHERE order_id = @order_id
RETURNING lines, total;

-- Changes the quantity of the line at a position.
-- name: SetOrderLineQuantity :exec
UPDATE orders_projection
SET lines = jsonb_set(lines, ARRAY[@position::int::text, 'quantity'], to_jsonb(@quantity::int))
WHERE order_id = @order_id;

-- Removes the line at a position.
-- name: RemoveOrderLine :exec
UPDATE orders_projection
SET lines = lines - @position::int
WHERE order_id = @order_id;

-- Updates the customer's address in place.
-- name: UpdateCustomerAddress :exec
UPDATE orders_projection
SET customer = jsonb_set(customer, '{address}', $2::jsonb)
WHERE order_id = $1;

-- Orders by state as a JSON object of arrays of ids.
-- name: OrdersByState :one
SELECT jsonb_object_agg(state, ids) AS by_state
FROM (
    SELECT state, jsonb_agg(order_id ORDER BY order_id) AS ids
    FROM orders_projection
    WHERE tenant_id = $1
    GROUP BY state
) s;

-- Top customers by spend, identified by their email in the JSON.
-- name: TopCustomers :many
SELECT lower(customer ->> 'email') AS email,
       max(customer ->> 'name') AS name,
       count(*) AS orders,
       sum(total) AS spent
FROM orders_projection
WHERE tenant_id = $1
GROUP BY 1
ORDER BY spent DESC
LIMIT 10;

-- Orders containing a given SKU.
-- name: OrdersWithSku :many
SELECT order_id, total
FROM orders_projection
WHERE lines @> jsonb_build_array(jsonb_build_object('sku', $1::text))
ORDER BY order_id;

-- Orders as JSON rows for an export endpoint, with row_to_json.
-- name: ExportOrders :many
SELECT row_to_json(o) AS doc
FROM (
    SELECT order_id, customer, lines, total, state
    FROM orders_projection
    WHERE tenant_id = $1
) o;

-- Builds orders from a JSON array posted by a client.
-- name: ImportOrders :execrows
INSERT INTO orders_projection (order_id, tenant_id, customer, lines, total)
SELECT r.order_id, @tenant_id, r.customer, coalesce(r.lines, '[]'), coalesce(r.total, 0)
FROM jsonb_populate_recordset(NULL::orders_projection, @orders::jsonb) AS r
ON CONFLICT (order_id) DO NOTHING;

-- name: CloseOrder :exec
UPDATE orders_projection SET state = 'closed', updated_at = now() WHERE order_id = $1;
