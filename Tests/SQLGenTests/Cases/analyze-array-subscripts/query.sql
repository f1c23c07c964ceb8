-- Subscripts give the element type, slices the array type; both may be NULL.
-- name: FirstTags :many
SELECT id, tags[1], tags[2:3] AS more, scores[$1] AS score, (array_agg(title) OVER (ORDER BY id))[1] AS first_title
FROM notes
WHERE tags[1] = $2;
