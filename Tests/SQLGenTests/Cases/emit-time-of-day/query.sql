-- name: ShiftsStartingBefore :many
SELECT * FROM shifts WHERE starts < @before;

-- name: ShiftLength :one
SELECT ends::time - starts AS length FROM shifts WHERE id = @id;
