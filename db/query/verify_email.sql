-- Stores the secret code sent to a user's email address.
-- name: CreateVerifyEmail :one
INSERT INTO verify_emails (
    username,
    email,
    secret_code
) VALUES (
    $1, $2, $3
) RETURNING *;

-- Marks a code as used, but only if it matches, is unused and has not expired;
-- no row means the code is wrong, used or expired.
-- name: UpdateVerifyEmail :one
UPDATE verify_emails
SET
    is_used = TRUE
WHERE
    id = @id
    AND secret_code = @secret_code
    AND is_used = FALSE
    AND expired_at > now()
RETURNING *;

-- The code and address a verification mail carries.
-- name: GetVerifyEmail :one
SELECT * FROM verify_emails WHERE id = @id;
