-- Registers a new account.
-- name: CreateUser :one
INSERT INTO users (email, display_name, role, locale, interests)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: GetUser :one
SELECT * FROM users
WHERE id = $1 AND deactivated_at IS NULL;

-- name: GetUserByEmail :one
SELECT * FROM users
WHERE lower(email) = lower(@email::text)
LIMIT 1;

-- name: GetUserByExternalID :one
SELECT id, email, display_name, role, locale, created_at
FROM users
WHERE external_id = $1;

-- Updates profile fields; absent fields keep their value.
-- name: UpdateUserProfile :one
UPDATE users
SET display_name = COALESCE(sqlc.narg(display_name), display_name),
    locale       = COALESCE(sqlc.narg(locale), locale),
    interests    = COALESCE(sqlc.narg(interests)::text[], interests)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: SetUserAvatar :exec
UPDATE users SET avatar = $2 WHERE id = $1;

-- name: GetUserAvatar :one
SELECT avatar FROM users WHERE id = $1 AND avatar IS NOT NULL;

-- name: TouchUserLastSeen :exec
UPDATE users SET last_seen_at = now() WHERE id = $1;

-- name: DeactivateUser :execrows
UPDATE users SET deactivated_at = now()
WHERE id = $1 AND deactivated_at IS NULL;

-- name: ChangeUserRole :one
UPDATE users SET role = @role
WHERE id = @id
RETURNING id, role;

-- Admin list with optional role and search filters, offset paginated.
-- name: ListUsers :many
SELECT id, email, display_name, role, created_at, last_seen_at
FROM users
WHERE (sqlc.narg(role)::user_role IS NULL OR role = sqlc.narg(role))
  AND (sqlc.narg(search)::text IS NULL
       OR display_name ILIKE '%' || sqlc.narg(search) || '%'
       OR email ILIKE '%' || sqlc.narg(search) || '%')
  AND deactivated_at IS NULL
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(page_size) OFFSET sqlc.arg(page_offset);

-- name: CountUsersByRole :many
SELECT role, count(*) AS total,
       count(*) FILTER (WHERE last_seen_at > now() - interval '30 days') AS active_30d
FROM users
WHERE deactivated_at IS NULL
GROUP BY role
ORDER BY role;

-- name: GetUsersByIDs :many
SELECT id, display_name, avatar IS NOT NULL AS has_avatar
FROM users
WHERE id = ANY($1::bigint[])
ORDER BY display_name;

-- name: FindUsersWithInterest :many
SELECT id, display_name, interests
FROM users
WHERE @interest::text = ANY(interests) AND deactivated_at IS NULL
ORDER BY id
LIMIT 100;

-- Turns a user into an instructor (both rows in one statement).
-- name: PromoteToInstructor :one
WITH promoted AS (
    UPDATE users SET role = 'instructor'
    WHERE id = @user_id AND role = 'student'
    RETURNING id
)
INSERT INTO instructors (user_id, headline, bio)
SELECT id, @headline, @bio FROM promoted
RETURNING *;

-- name: GetInstructor :one
SELECT i.*, u.display_name, u.email
FROM instructors i
JOIN users u ON u.id = i.user_id
WHERE i.user_id = $1;

-- name: UpsertInstructorProfile :one
INSERT INTO instructors (user_id, headline, bio, payout_email)
VALUES ($1, $2, $3, $4)
ON CONFLICT (user_id) DO UPDATE
SET headline = excluded.headline,
    bio = excluded.bio,
    payout_email = excluded.payout_email
RETURNING *;

-- name: VerifyInstructor :execrows
UPDATE instructors SET verified = true
WHERE user_id = $1 AND NOT verified;

-- name: SetInstructorRevenueShare :exec
UPDATE instructors SET revenue_share = @share::numeric
WHERE user_id = @user_id;

-- Instructor directory with course and student counts.
-- name: ListInstructors :many
SELECT u.id, u.display_name, i.headline, i.verified,
       count(DISTINCT c.id) AS course_count,
       count(e.id) AS student_count
FROM instructors i
JOIN users u ON u.id = i.user_id
LEFT JOIN courses c ON c.instructor_id = i.user_id AND c.status = 'published'
LEFT JOIN enrollments e ON e.course_id = c.id
WHERE u.deactivated_at IS NULL
GROUP BY u.id, u.display_name, i.headline, i.verified
HAVING count(DISTINCT c.id) >= @min_courses::bigint
ORDER BY student_count DESC, u.id
LIMIT @page_size;

-- Students who went quiet: enrolled somewhere, not seen for a while.
-- name: ListDormantStudents :many
SELECT u.id, u.email, u.display_name, u.last_seen_at,
       now() - COALESCE(u.last_seen_at, u.created_at) AS idle_for
FROM users u
WHERE u.role = 'student'
  AND COALESCE(u.last_seen_at, u.created_at) < now() - $1::interval
  AND EXISTS (SELECT 1 FROM enrollments e WHERE e.user_id = u.id AND e.completed_at IS NULL)
ORDER BY u.last_seen_at NULLS FIRST
LIMIT 500;

-- name: DeleteUser :exec
DELETE FROM users WHERE id = $1;
