-- Sets stock for a variant in a warehouse.
-- name: UpsertInventory :one
INSERT INTO inventory (variant_id, warehouse_id, on_hand)
VALUES ($1, $2, $3)
ON CONFLICT (variant_id, warehouse_id)
DO UPDATE SET on_hand = excluded.on_hand, updated_at = now()
RETURNING *;

-- Adds received units.
-- name: ReceiveStock :one
INSERT INTO inventory (variant_id, warehouse_id, on_hand)
VALUES (@variant_id, @warehouse_id, @quantity)
ON CONFLICT (variant_id, warehouse_id)
DO UPDATE SET on_hand = inventory.on_hand + excluded.on_hand, updated_at = now()
RETURNING on_hand;

-- Reserves units only if enough are available.
-- name: ReserveStock :execrows
UPDATE inventory
SET reserved = reserved + @quantity::int, updated_at = now()
WHERE variant_id = @variant_id AND warehouse_id = @warehouse_id
  AND on_hand - reserved >= @quantity::int;

-- Releases a reservation.
-- name: ReleaseStock :execrows
UPDATE inventory
SET reserved = GREATEST(reserved - @quantity::int, 0), updated_at = now()
WHERE variant_id = @variant_id AND warehouse_id = @warehouse_id;

-- Ships reserved units: decrements both counters with a guard.
-- name: ShipStock :one
UPDATE inventory
SET on_hand = on_hand - @quantity::int,
    reserved = reserved - @quantity::int,
    updated_at = now()
WHERE variant_id = @variant_id AND warehouse_id = @warehouse_id
  AND reserved >= @quantity::int
RETURNING on_hand, reserved;

-- Decrements stock for all lines of an order, from the warehouse with most stock.
-- name: DecrementStockForOrder :execrows
UPDATE inventory i
SET on_hand = i.on_hand - ol.quantity, updated_at = now()
FROM order_lines ol
WHERE ol.order_id = $1
  AND i.variant_id = ol.variant_id
  AND i.warehouse_id = (
      SELECT i2.warehouse_id FROM inventory i2
      WHERE i2.variant_id = ol.variant_id
      ORDER BY i2.on_hand - i2.reserved DESC
      LIMIT 1
  )
  AND i.on_hand - i.reserved >= ol.quantity;

-- Variants below a reorder threshold.
-- name: ListLowStock :many
SELECT v.sku, p.title, w.code AS warehouse, i.on_hand, i.reserved, i.on_hand - i.reserved AS available
FROM inventory i
JOIN variants v ON v.id = i.variant_id
JOIN products p ON p.id = v.product_id
JOIN warehouses w ON w.id = i.warehouse_id
WHERE i.on_hand - i.reserved < @threshold::int AND v.active
ORDER BY available, v.sku;

-- Stock by warehouse as a JSON object per variant.
-- name: GetStockByWarehouse :one
SELECT v.id, v.sku,
       COALESCE(jsonb_object_agg(w.code, i.on_hand) FILTER (WHERE w.id IS NOT NULL), '{}') AS by_warehouse
FROM variants v
LEFT JOIN inventory i ON i.variant_id = v.id
LEFT JOIN warehouses w ON w.id = i.warehouse_id
WHERE v.id = $1
GROUP BY v.id;

-- Moves stock between warehouses in one statement.
-- name: TransferStock :execrows
WITH taken AS (
    UPDATE inventory
    SET on_hand = on_hand - @quantity::int, updated_at = now()
    WHERE variant_id = @variant_id AND warehouse_id = @from_warehouse_id
      AND on_hand - reserved >= @quantity::int
    RETURNING variant_id
)
INSERT INTO inventory (variant_id, warehouse_id, on_hand)
SELECT variant_id, @to_warehouse_id, @quantity::int FROM taken
ON CONFLICT (variant_id, warehouse_id)
DO UPDATE SET on_hand = inventory.on_hand + excluded.on_hand, updated_at = now();

-- name: ListWarehouses :many
SELECT w.*, count(i.variant_id) AS variants, COALESCE(sum(i.on_hand), 0) AS units
FROM warehouses w
LEFT JOIN inventory i ON i.warehouse_id = w.id
GROUP BY w.id
ORDER BY w.code;
