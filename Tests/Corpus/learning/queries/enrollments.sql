-- Enrolls a student; enrolling twice is a no-op that returns the existing row.
-- name: EnrollUser :one
INSERT INTO enrollments (user_id, course_id, expires_on, source)
VALUES ($1, $2, $3, $4)
ON CONFLICT (user_id, course_id) DO UPDATE SET expires_on = GREATEST(enrollments.expires_on, excluded.expires_on)
RETURNING *;

-- name: GetEnrollment :one
SELECT * FROM enrollments WHERE user_id = $1 AND course_id = $2;

-- name: IsEnrolled :one
SELECT EXISTS (
    SELECT 1 FROM enrollments
    WHERE user_id = $1 AND course_id = $2
      AND (expires_on IS NULL OR expires_on >= current_date)
) AS enrolled;

-- name: Unenroll :execrows
DELETE FROM enrollments WHERE user_id = $1 AND course_id = $2;

-- Bulk-enrolls a list of users (e.g. a company cohort).
-- name: BulkEnroll :execrows
INSERT INTO enrollments (user_id, course_id, source)
SELECT u, @course_id, 'bulk'
FROM unnest(@user_ids::bigint[]) AS u
ON CONFLICT (user_id, course_id) DO NOTHING;

-- name: ExtendEnrollment :one
UPDATE enrollments
SET expires_on = COALESCE(expires_on, current_date) + @extra_days::integer
WHERE id = @id
RETURNING expires_on;

-- A student's dashboard: each course with completion percentage.
-- name: ListMyCourses :many
SELECT c.id, c.slug, c.title, e.enrolled_at, e.completed_at,
       count(l.id) AS total_lessons,
       count(p.completed_at) AS completed_lessons,
       round(100.0 * count(p.completed_at) / NULLIF(count(l.id), 0), 1) AS percent_complete,
       max(p.started_at) AS last_activity
FROM enrollments e
JOIN courses c ON c.id = e.course_id
LEFT JOIN course_modules m ON m.course_id = c.id
LEFT JOIN lessons l ON l.module_id = m.id
LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = e.user_id
WHERE e.user_id = $1
GROUP BY c.id, c.slug, c.title, e.enrolled_at, e.completed_at
ORDER BY max(p.started_at) DESC NULLS LAST, e.enrolled_at DESC;

-- Course roster, keyset paginated by enrollment time.
-- name: ListCourseStudents :many
SELECT e.id AS enrollment_id, u.id AS user_id, u.display_name, u.email, e.enrolled_at, e.completed_at
FROM enrollments e
JOIN users u ON u.id = e.user_id
WHERE e.course_id = @course_id
  AND (e.enrolled_at, e.id) < (@before_enrolled_at::timestamptz, @before_id::bigint)
ORDER BY e.enrolled_at DESC, e.id DESC
LIMIT @page_size;

-- name: CountEnrollmentsByCourse :many
SELECT course_id, count(*) AS enrolled,
       count(*) FILTER (WHERE completed_at IS NOT NULL) AS completed,
       count(*) FILTER (WHERE enrolled_at > now() - interval '7 days') AS new_this_week
FROM enrollments
WHERE course_id = ANY($1::bigint[])
GROUP BY course_id;

-- Starts (or resumes) a lesson.
-- name: StartLesson :one
INSERT INTO lesson_progress (user_id, lesson_id)
VALUES ($1, $2)
ON CONFLICT (user_id, lesson_id) DO UPDATE SET started_at = lesson_progress.started_at
RETURNING *;

-- Records watch time and the playback position.
-- name: RecordLessonProgress :exec
INSERT INTO lesson_progress (user_id, lesson_id, seconds_spent, last_position)
VALUES (@user_id, @lesson_id, @seconds::integer, @position::real)
ON CONFLICT (user_id, lesson_id) DO UPDATE
SET seconds_spent = lesson_progress.seconds_spent + excluded.seconds_spent,
    last_position = excluded.last_position;

-- Marks a lesson done and remembers it on the enrollment.
-- name: CompleteLesson :one
WITH done AS (
    INSERT INTO lesson_progress (user_id, lesson_id, completed_at)
    VALUES (@user_id, @lesson_id, now())
    ON CONFLICT (user_id, lesson_id) DO UPDATE
    SET completed_at = COALESCE(lesson_progress.completed_at, excluded.completed_at)
    RETURNING user_id, lesson_id, completed_at
)
UPDATE enrollments e
SET last_lesson_id = done.lesson_id
FROM done, lessons l, course_modules m
WHERE l.id = done.lesson_id AND m.id = l.module_id
  AND e.course_id = m.course_id AND e.user_id = done.user_id
RETURNING e.id, e.course_id, done.completed_at;

-- name: ResetLessonProgress :execrows
DELETE FROM lesson_progress p
USING lessons l, course_modules m
WHERE p.lesson_id = l.id AND l.module_id = m.id
  AND p.user_id = $1 AND m.course_id = $2;

-- Progress of one student through one course, lesson by lesson.
-- name: GetCourseProgress :many
SELECT l.id AS lesson_id, l.title, m.position AS module_position, l.position,
       p.started_at, p.completed_at, COALESCE(p.seconds_spent, 0) AS seconds_spent,
       p.completed_at IS NOT NULL AS done
FROM course_modules m
JOIN lessons l ON l.module_id = m.id
LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = $1
WHERE m.course_id = $2
ORDER BY m.position, l.position;

-- The first lesson of the course the student has not finished yet.
-- name: GetResumeLesson :one
SELECT l.id, l.title, l.kind, m.title AS module_title
FROM course_modules m
JOIN lessons l ON l.module_id = m.id
WHERE m.course_id = @course_id
  AND NOT EXISTS (
      SELECT 1 FROM lesson_progress p
      WHERE p.lesson_id = l.id AND p.user_id = @user_id AND p.completed_at IS NOT NULL
  )
ORDER BY m.position, l.position
LIMIT 1;

-- Marks enrollments complete once every lesson is done.
-- name: MarkCompletedEnrollments :many
UPDATE enrollments e
SET completed_at = now()
WHERE e.completed_at IS NULL
  AND e.course_id = $1
  AND NOT EXISTS (
      SELECT 1
      FROM course_modules m
      JOIN lessons l ON l.module_id = m.id
      LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = e.user_id
      WHERE m.course_id = e.course_id AND p.completed_at IS NULL
  )
RETURNING e.id, e.user_id, e.completed_at;

-- Per-module completion for one student, using LATERAL for the counts.
-- name: GetModuleCompletion :many
SELECT m.id, m.position, m.title, stats.total, stats.done,
       stats.total > 0 AND stats.total = stats.done AS complete
FROM course_modules m
CROSS JOIN LATERAL (
    SELECT count(*) AS total, count(p.completed_at) AS done
    FROM lessons l
    LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = @user_id
    WHERE l.module_id = m.id
) stats
WHERE m.course_id = @course_id
ORDER BY m.position;

-- Daily learning time of a student over the last N days, gaps filled with zero.
-- name: GetDailyStudyTime :many
SELECT d::date AS day, COALESCE(sum(p.seconds_spent), 0)::bigint AS seconds
FROM generate_series(current_date - (@days::integer - 1), current_date, interval '1 day') AS d
LEFT JOIN lesson_progress p
       ON p.user_id = @user_id AND p.started_at::date = d::date
GROUP BY d
ORDER BY d;

-- Consecutive days with activity ending today (streak).
-- name: GetStudyStreak :one
WITH days AS (
    SELECT DISTINCT started_at::date AS day
    FROM lesson_progress
    WHERE user_id = $1
), grouped AS (
    SELECT day, day - (row_number() OVER (ORDER BY day))::integer AS grp
    FROM days
)
SELECT count(*) AS streak_days, min(day) AS streak_start
FROM grouped
WHERE grp = (SELECT grp FROM grouped WHERE day = current_date);

-- Where students drop off: completion count per lesson in course order.
-- name: GetLessonFunnel :many
SELECT l.id, l.title,
       row_number() OVER (ORDER BY m.position, l.position) AS step,
       count(p.completed_at) AS completions,
       round(100.0 * count(p.completed_at)
             / NULLIF(first_value(count(p.completed_at)) OVER (ORDER BY m.position, l.position), 0), 1) AS retention_pct
FROM course_modules m
JOIN lessons l ON l.module_id = m.id
LEFT JOIN lesson_progress p ON p.lesson_id = l.id
WHERE m.course_id = $1
GROUP BY l.id, l.title, m.position, l.position
ORDER BY m.position, l.position;

-- Latest lesson activity per enrolled student of a course.
-- name: ListLatestActivityPerStudent :many
SELECT DISTINCT ON (p.user_id)
       p.user_id, u.display_name, l.title AS lesson_title, p.started_at, p.completed_at
FROM lesson_progress p
JOIN lessons l ON l.id = p.lesson_id
JOIN course_modules m ON m.id = l.module_id
JOIN users u ON u.id = p.user_id
WHERE m.course_id = $1
ORDER BY p.user_id, p.started_at DESC;

-- Students split into quartiles by total time spent in a course.
-- name: GetStudentEngagementQuartiles :many
SELECT p.user_id, sum(p.seconds_spent) AS total_seconds,
       ntile(4) OVER (ORDER BY sum(p.seconds_spent) DESC) AS quartile,
       percent_rank() OVER (ORDER BY sum(p.seconds_spent)) AS pct_rank
FROM lesson_progress p
JOIN lessons l ON l.id = p.lesson_id
JOIN course_modules m ON m.id = l.module_id
WHERE m.course_id = $1
GROUP BY p.user_id
ORDER BY total_seconds DESC;

-- Removes enrollments that expired more than the grace period ago.
-- name: DeleteExpiredEnrollments :execrows
DELETE FROM enrollments
WHERE expires_on < current_date - @grace_days::integer
  AND completed_at IS NULL;

-- Enrollments expiring within the window, for reminder emails.
-- name: ListExpiringEnrollments :many
SELECT e.id, e.user_id, u.email, c.title, e.expires_on,
       e.expires_on - current_date AS days_left
FROM enrollments e
JOIN users u ON u.id = e.user_id
JOIN courses c ON c.id = e.course_id
WHERE e.expires_on BETWEEN current_date AND current_date + $1::integer
  AND e.completed_at IS NULL
ORDER BY e.expires_on;

-- Courses recommended from what similar students took ("also enrolled in").
-- name: ListAlsoEnrolled :many
SELECT c.id, c.slug, c.title, count(*) AS shared_students
FROM enrollments mine
JOIN enrollments other ON other.course_id = mine.course_id AND other.user_id <> mine.user_id
JOIN enrollments theirs ON theirs.user_id = other.user_id
JOIN courses c ON c.id = theirs.course_id
WHERE mine.user_id = $1
  AND c.status = 'published'
  AND theirs.course_id NOT IN (SELECT course_id FROM enrollments WHERE user_id = $1)
GROUP BY c.id, c.slug, c.title
ORDER BY shared_students DESC
LIMIT 10;

-- Course ids a user both wishlisted and never enrolled in.
-- name: ListWishlistedNotEnrolled :many
SELECT course_id FROM wishlist_items WHERE user_id = $1
EXCEPT
SELECT course_id FROM enrollments WHERE user_id = $1;

-- Course ids two users share.
-- name: ListSharedCourses :many
SELECT course_id FROM enrollments WHERE user_id = @user_a
INTERSECT
SELECT course_id FROM enrollments WHERE user_id = @user_b;
