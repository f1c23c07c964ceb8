-- Fields of a composite column; range functions and operators on a user range type.
-- name: OffersInRange :many
SELECT id, (price).cents AS cents, (price).currency AS currency, lower(valid) AS starts_at
FROM offers
WHERE valid @> $1::float8 AND valid && floatrange($2, $3) AND (price).currency = $4;

-- ROW(…) stored into a composite column takes the attribute types.
-- name: CreateOffer :one
INSERT INTO offers (price, valid, stock) VALUES (ROW($1, $2), floatrange($3, $4, '[]'), $5)
RETURNING id;

-- A cast to a domain is its base type.
-- name: OffersWithStock :many
SELECT id, stock FROM offers WHERE stock >= $1::quantity AND ROW(price, valid) IS NOT NULL;

-- SEARCH and CYCLE add their columns to a recursive CTE.
-- name: CategoryTree :many
WITH RECURSIVE tree (id, name, depth) AS (
    SELECT id, name, 0 FROM categories WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, c.name, t.depth + 1 FROM categories c JOIN tree t ON c.parent_id = t.id
) SEARCH DEPTH FIRST BY id SET ordering
  CYCLE id SET is_cycle USING path
SELECT id, name, depth, is_cycle FROM tree WHERE depth <= $1 ORDER BY ordering;

-- A parenthesized grouping set is a list of keys.
-- name: StockByCurrency :many
SELECT (price).currency AS currency, stock, count(*) AS offers
FROM offers
GROUP BY GROUPING SETS (((price).currency, stock), ());
