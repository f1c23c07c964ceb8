-- name: CreateCategory :one
INSERT INTO categories (parent_id, slug, name)
VALUES ($1, $2, $3)
RETURNING *;

-- The category tree below a category, with depth and path.
-- name: GetCategoryTree :many
WITH RECURSIVE tree AS (
    SELECT id, parent_id, slug, name, 0 AS depth, ARRAY[slug] AS path
    FROM categories
    WHERE id = $1
    UNION ALL
    SELECT c.id, c.parent_id, c.slug, c.name, t.depth + 1, t.path || c.slug
    FROM categories c
    JOIN tree t ON c.parent_id = t.id
)
SELECT id, parent_id, slug, name, depth, array_to_string(path, '/') AS full_path
FROM tree
ORDER BY path;

-- name: CreateProduct :one
INSERT INTO products (category_id, slug, title, description, brand, attributes)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, slug, created_at;

-- name: GetProductBySlug :one
SELECT p.id, p.slug, p.title, p.description, p.brand, p.attributes, c.name AS category_name
FROM products p
LEFT JOIN categories c ON c.id = p.category_id
WHERE p.slug = $1 AND p.published;

-- name: UpdateProduct :exec
UPDATE products
SET title = @title,
    description = @description,
    brand = @brand,
    attributes = @attributes,
    updated_at = now()
WHERE id = @id;

-- name: PublishProducts :execrows
UPDATE products SET published = true, updated_at = now()
WHERE id = ANY(@ids::bigint[]) AND NOT published;

-- Sets one attribute in the attributes document.
-- name: SetProductAttribute :exec
UPDATE products
SET attributes = jsonb_set(attributes, ARRAY[@key::text], to_jsonb(@value::text), true),
    updated_at = now()
WHERE id = @id;

-- name: CreateVariant :one
INSERT INTO variants (product_id, sku, name, price, compare_at_price, weight_grams)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: GetVariantBySKU :one
SELECT * FROM variants WHERE sku = $1;

-- Changes prices by a percentage for a whole category.
-- name: AdjustCategoryPrices :execrows
UPDATE variants v
SET price = round(v.price * (1 + @percent::numeric / 100), 2)
FROM products p
WHERE p.id = v.product_id AND p.category_id = @category_id;

-- Catalog listing with optional filters, cheapest variant per product.
-- name: ListCatalog :many
SELECT p.id, p.slug, p.title, p.brand,
       min(v.price) AS from_price,
       bool_or(v.compare_at_price IS NOT NULL) AS on_sale,
       COALESCE(sum(i.on_hand - i.reserved), 0) AS available
FROM products p
JOIN variants v ON v.product_id = p.id AND v.active
LEFT JOIN inventory i ON i.variant_id = v.id
WHERE p.published
  AND (sqlc.narg(category_id)::int IS NULL OR p.category_id = sqlc.narg(category_id))
  AND (sqlc.narg(brand)::text IS NULL OR p.brand = sqlc.narg(brand))
  AND (sqlc.narg(min_price)::numeric IS NULL OR v.price >= sqlc.narg(min_price))
  AND (sqlc.narg(max_price)::numeric IS NULL OR v.price <= sqlc.narg(max_price))
GROUP BY p.id
HAVING NOT sqlc.arg(in_stock_only)::boolean OR COALESCE(sum(i.on_hand - i.reserved), 0) > 0
ORDER BY p.title
LIMIT sqlc.arg(page_size) OFFSET sqlc.arg(page_offset);

-- Full-text search ranked by relevance.
-- name: SearchProducts :many
SELECT p.id, p.slug, p.title,
       ts_rank(p.search, query) AS rank,
       ts_headline('simple', p.description, query) AS snippet
FROM products p, websearch_to_tsquery('simple', @q::text) AS query
WHERE p.published AND p.search @@ query
ORDER BY rank DESC
LIMIT 20;

-- Products whose attributes match, e.g. {"color": "red"}.
-- name: ListProductsByAttributes :many
SELECT id, slug, title, attributes ->> 'color' AS color, attributes -> 'sizes' AS sizes
FROM products
WHERE published AND attributes @> $1::jsonb
ORDER BY title;

-- Distinct attribute values for a facet in a category.
-- name: ListAttributeFacet :many
SELECT attributes ->> @attribute::text AS value, count(*) AS products
FROM products
WHERE published AND category_id = @category_id AND attributes ? @attribute
GROUP BY 1
ORDER BY products DESC;

-- Variants of a product with stock summed over warehouses.
-- name: ListVariantsWithStock :many
SELECT v.id, v.sku, v.name, v.price, v.compare_at_price,
       COALESCE(sum(i.on_hand), 0)::int AS on_hand,
       COALESCE(sum(i.on_hand - i.reserved), 0)::int AS available
FROM variants v
LEFT JOIN inventory i ON i.variant_id = v.id
WHERE v.product_id = $1
GROUP BY v.id
ORDER BY v.price, v.id;

-- Discount percentage on sale variants.
-- name: ListSaleVariants :many
SELECT v.id, p.title, v.name, v.price, v.compare_at_price,
       round((1 - v.price / v.compare_at_price) * 100)::int AS percent_off
FROM variants v
JOIN products p ON p.id = v.product_id
WHERE v.compare_at_price IS NOT NULL AND v.active AND p.published
ORDER BY percent_off DESC
LIMIT $1;

-- The cheapest variant of each product (DISTINCT ON).
-- name: CheapestVariantPerProduct :many
SELECT DISTINCT ON (v.product_id) v.product_id, v.id AS variant_id, v.sku, v.price
FROM variants v
WHERE v.active AND v.product_id = ANY(@product_ids::bigint[])
ORDER BY v.product_id, v.price, v.id;

-- Product rating summary.
-- name: GetProductRating :one
SELECT count(*) AS reviews,
       round(avg(rating), 2) AS average,
       count(*) FILTER (WHERE rating = 5) AS five_stars,
       count(*) FILTER (WHERE rating <= 2) AS low
FROM reviews
WHERE product_id = $1;

-- name: UpsertReview :one
INSERT INTO reviews (product_id, customer_id, rating, body)
VALUES ($1, $2, $3, $4)
ON CONFLICT (product_id, customer_id)
DO UPDATE SET rating = excluded.rating, body = excluded.body, created_at = now()
RETURNING *;

-- Products frequently bought together with a product.
-- name: FrequentlyBoughtTogether :many
SELECT v2.product_id, p.title, count(DISTINCT ol2.order_id) AS orders
FROM order_lines ol1
JOIN variants v1 ON v1.id = ol1.variant_id
JOIN order_lines ol2 ON ol2.order_id = ol1.order_id AND ol2.line_no <> ol1.line_no
JOIN variants v2 ON v2.id = ol2.variant_id
JOIN products p ON p.id = v2.product_id
WHERE v1.product_id = $1 AND v2.product_id <> $1
GROUP BY v2.product_id, p.title
ORDER BY orders DESC
LIMIT 5;
