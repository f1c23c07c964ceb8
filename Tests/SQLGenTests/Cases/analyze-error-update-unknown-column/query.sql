-- name: RenameUser :exec
UPDATE users
SET ful_name = @full_name
WHERE username = @username;
