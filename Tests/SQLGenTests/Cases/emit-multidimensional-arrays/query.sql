-- name: CreateGrid :one
INSERT INTO grids (cells, sized, amounts, days, cube, flat)
VALUES (@cells, @sized, @amounts, @days, @cube, @flat)
RETURNING *;

-- name: GridCells :one
SELECT cells, cube FROM grids WHERE id = @id;

-- Declared dimensions follow a column as far as its value goes unchanged; an expression over
-- it has PostgreSQL's one array type.
-- name: GridCellsConcatenated :one
SELECT cells || cells AS doubled FROM grids WHERE id = @id;

-- name: CopyGrids :copyfrom
INSERT INTO grids (cells, sized, amounts, days, cube, flat) VALUES (@cells, @sized, @amounts, @days, @cube, @flat);
