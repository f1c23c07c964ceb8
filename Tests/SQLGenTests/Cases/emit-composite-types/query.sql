-- name: CreateOrder :one
INSERT INTO orders (ship_to, shipments) VALUES (@ship_to, @shipments) RETURNING *;

-- name: OrderDestination :one
SELECT (ship_to).street AS street, ship_to FROM orders WHERE id = @id;
