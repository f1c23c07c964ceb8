-- ROWS and GROUPS offsets count rows: bigint.
-- name: MovingCount :many
SELECT id, count(*) OVER (ORDER BY qty ROWS BETWEEN $1 PRECEDING AND CURRENT ROW) AS recent FROM readings;

-- name: GroupsAround :many
SELECT id, count(*) OVER (ORDER BY qty GROUPS BETWEEN $1 PRECEDING AND $2 FOLLOWING EXCLUDE TIES) AS nearby
FROM readings;

-- A RANGE offset is added to the ORDER BY value: integer for integer, numeric for numeric,
-- interval for timestamps (PostgreSQL's in_range support functions).
-- name: QtyWithin :many
SELECT id, count(*) OVER (ORDER BY qty RANGE BETWEEN $1 PRECEDING AND $2 FOLLOWING) AS similar FROM readings;

-- name: AmountWithin :many
SELECT id, sum(amount) OVER w AS running
FROM readings
WINDOW w AS (ORDER BY amount RANGE BETWEEN $1 PRECEDING AND CURRENT ROW);

-- name: TakenWithin :many
SELECT id, avg(amount) OVER (ORDER BY taken_at RANGE BETWEEN $1 PRECEDING AND CURRENT ROW) AS average
FROM readings;
