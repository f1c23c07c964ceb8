-- name: ReservationsOverlapping :many
SELECT * FROM reservations WHERE during && @during AND room @> @seat::int4;

-- name: ReservationBounds :one
SELECT lower(during) AS starts, upper(nights) AS last_night, range_merge(room, @other) AS merged
FROM reservations WHERE id = @id;
