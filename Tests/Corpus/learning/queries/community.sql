-- Writes or rewrites the caller's review of a course.
-- name: UpsertReview :one
INSERT INTO course_reviews (course_id, user_id, rating, body)
VALUES ($1, $2, $3, $4)
ON CONFLICT (course_id, user_id) DO UPDATE
SET rating = excluded.rating, body = excluded.body, updated_at = now()
RETURNING *, (xmax = 0) AS created;

-- name: DeleteReview :execrows
DELETE FROM course_reviews WHERE course_id = $1 AND user_id = $2;

-- name: HideReview :exec
UPDATE course_reviews SET hidden = true WHERE id = $1;

-- name: MarkReviewHelpful :one
UPDATE course_reviews SET helpful_count = helpful_count + 1
WHERE id = $1
RETURNING helpful_count;

-- Reviews of a course, most helpful first, with optional rating filter.
-- name: ListCourseReviews :many
SELECT r.id, r.rating, r.body, r.helpful_count, r.created_at,
       u.display_name AS author_name,
       r.updated_at > r.created_at + interval '1 minute' AS edited
FROM course_reviews r
JOIN users u ON u.id = r.user_id
WHERE r.course_id = sqlc.arg(course_id)
  AND NOT r.hidden
  AND (sqlc.narg(rating)::smallint IS NULL OR r.rating = sqlc.narg(rating))
ORDER BY r.helpful_count DESC, r.created_at DESC
LIMIT sqlc.arg(page_size) OFFSET sqlc.arg(page_offset);

-- Rating histogram and average for a course page.
-- name: GetCourseRatingSummary :one
SELECT count(*) AS reviews,
       round(avg(rating)::numeric, 2) AS average,
       count(*) FILTER (WHERE rating = 5) AS five_star,
       count(*) FILTER (WHERE rating = 4) AS four_star,
       count(*) FILTER (WHERE rating = 3) AS three_star,
       count(*) FILTER (WHERE rating = 2) AS two_star,
       count(*) FILTER (WHERE rating = 1) AS one_star
FROM course_reviews
WHERE course_id = $1 AND NOT hidden;

-- Top-rated courses with a Bayesian average so a single 5-star does not win.
-- name: ListTopRatedCourses :many
WITH stats AS (
    SELECT course_id, count(*) AS n, avg(rating) AS mean
    FROM course_reviews
    WHERE NOT hidden
    GROUP BY course_id
), prior AS (
    SELECT avg(rating) AS global_mean FROM course_reviews WHERE NOT hidden
)
SELECT c.id, c.title, s.n AS review_count, round(s.mean, 2) AS mean_rating,
       round((s.n * s.mean + @prior_weight::integer * p.global_mean) / (s.n + @prior_weight::integer), 3) AS weighted_rating,
       dense_rank() OVER (ORDER BY (s.n * s.mean + @prior_weight::integer * p.global_mean) / (s.n + @prior_weight::integer) DESC) AS position
FROM stats s
CROSS JOIN prior p
JOIN courses c ON c.id = s.course_id
WHERE c.status = 'published' AND s.n >= @min_reviews::bigint
ORDER BY weighted_rating DESC
LIMIT @page_size;

-- An instructor's average rating across all their courses.
-- name: GetInstructorRating :one
SELECT c.instructor_id,
       count(r.id) AS reviews,
       COALESCE(round(avg(r.rating)::numeric, 2), 0) AS average,
       count(DISTINCT c.id) FILTER (WHERE r.id IS NOT NULL) AS reviewed_courses
FROM courses c
LEFT JOIN course_reviews r ON r.course_id = c.id AND NOT r.hidden
WHERE c.instructor_id = $1
GROUP BY c.instructor_id;

-- Reviews written by people who never finished the course.
-- name: ListReviewsFromNonCompleters :many
SELECT r.id, r.course_id, r.user_id, r.rating
FROM course_reviews r
WHERE NOT EXISTS (
    SELECT 1 FROM enrollments e
    WHERE e.user_id = r.user_id AND e.course_id = r.course_id AND e.completed_at IS NOT NULL
)
ORDER BY r.created_at DESC
LIMIT $1;

-- Opens a new discussion thread.
-- name: CreateThread :one
INSERT INTO discussion_posts (course_id, lesson_id, author_id, title, body)
VALUES (@course_id, @lesson_id, @author_id, @title, @body)
RETURNING *;

-- Replies to a post; the course comes from the parent.
-- name: CreateReply :one
INSERT INTO discussion_posts (course_id, lesson_id, parent_id, author_id, body)
SELECT p.course_id, p.lesson_id, p.id, @author_id, @body
FROM discussion_posts p
WHERE p.id = @parent_id AND p.deleted_at IS NULL
RETURNING *;

-- name: EditPost :one
UPDATE discussion_posts
SET body = $3, edited_at = now()
WHERE id = $1 AND author_id = $2 AND deleted_at IS NULL
RETURNING id, body, edited_at;

-- Soft-deletes a post; replies stay visible.
-- name: SoftDeletePost :execrows
UPDATE discussion_posts SET deleted_at = now()
WHERE id = $1 AND deleted_at IS NULL;

-- name: UpvotePost :exec
UPDATE discussion_posts SET upvotes = upvotes + 1 WHERE id = $1;

-- name: SetThreadFlags :exec
UPDATE discussion_posts
SET pinned = COALESCE(sqlc.narg(pinned), pinned),
    resolved = COALESCE(sqlc.narg(resolved), resolved)
WHERE id = sqlc.arg(id) AND parent_id IS NULL;

-- Threads of a course: pinned first, then by latest activity (reply count and last reply via LATERAL).
-- name: ListThreads :many
SELECT t.id, t.title, t.pinned, t.resolved, t.upvotes, t.created_at,
       u.display_name AS author_name,
       stats.reply_count,
       GREATEST(t.created_at, stats.last_reply_at) AS last_activity_at
FROM discussion_posts t
JOIN users u ON u.id = t.author_id
CROSS JOIN LATERAL (
    SELECT count(*) AS reply_count, max(r.created_at) AS last_reply_at
    FROM discussion_posts r
    WHERE r.parent_id = t.id AND r.deleted_at IS NULL
) stats
WHERE t.course_id = sqlc.arg(course_id)
  AND t.parent_id IS NULL
  AND t.deleted_at IS NULL
  AND (sqlc.narg(lesson_id)::bigint IS NULL OR t.lesson_id = sqlc.narg(lesson_id))
  AND (sqlc.narg(unresolved_only)::boolean IS NOT TRUE OR NOT t.resolved)
ORDER BY t.pinned DESC, last_activity_at DESC
LIMIT sqlc.arg(page_size);

-- A whole thread as a tree: every nested reply with its depth and sort path.
-- name: GetThreadTree :many
WITH RECURSIVE tree AS (
    SELECT p.id, p.parent_id, p.author_id, p.body, p.upvotes, p.created_at, p.deleted_at,
           0 AS depth, ARRAY[p.id] AS path
    FROM discussion_posts p
    WHERE p.id = $1
    UNION ALL
    SELECT c.id, c.parent_id, c.author_id, c.body, c.upvotes, c.created_at, c.deleted_at,
           t.depth + 1, t.path || c.id
    FROM discussion_posts c
    JOIN tree t ON c.parent_id = t.id
    WHERE t.depth < 20
)
SELECT tree.id, tree.parent_id, tree.depth, tree.path,
       CASE WHEN tree.deleted_at IS NULL THEN tree.body ELSE '[deleted]' END AS body,
       tree.upvotes, tree.created_at,
       u.display_name AS author_name
FROM tree
JOIN users u ON u.id = tree.author_id
ORDER BY tree.path;

-- Walks up from a reply to the thread root.
-- name: GetPostAncestors :many
WITH RECURSIVE up AS (
    SELECT id, parent_id, title, 0 AS distance
    FROM discussion_posts
    WHERE id = $1
    UNION ALL
    SELECT p.id, p.parent_id, p.title, up.distance + 1
    FROM discussion_posts p
    JOIN up ON p.id = up.parent_id
)
SELECT id, parent_id, title, distance FROM up ORDER BY distance DESC;

-- Subtree size of each top-level thread of a course.
-- name: CountThreadDescendants :many
WITH RECURSIVE descendants AS (
    SELECT id AS root_id, id
    FROM discussion_posts
    WHERE course_id = $1 AND parent_id IS NULL
    UNION ALL
    SELECT d.root_id, p.id
    FROM discussion_posts p
    JOIN descendants d ON p.parent_id = d.id
)
SELECT root_id, count(*) - 1 AS descendant_count
FROM descendants
GROUP BY root_id
ORDER BY descendant_count DESC;

-- Deletes a thread and all its replies, returning how many went.
-- name: PurgeThread :one
WITH RECURSIVE doomed AS (
    SELECT id FROM discussion_posts WHERE discussion_posts.id = @thread_id
    UNION ALL
    SELECT p.id FROM discussion_posts p JOIN doomed d ON p.parent_id = d.id
), deleted AS (
    DELETE FROM discussion_posts WHERE id IN (SELECT id FROM doomed)
    RETURNING id
)
SELECT count(*) AS deleted_count FROM deleted;

-- Most helpful community members of a course.
-- name: ListTopContributors :many
SELECT p.author_id, u.display_name,
       count(*) AS posts,
       count(*) FILTER (WHERE p.parent_id IS NOT NULL) AS replies,
       sum(p.upvotes) AS total_upvotes,
       rank() OVER (ORDER BY sum(p.upvotes) DESC) AS position
FROM discussion_posts p
JOIN users u ON u.id = p.author_id
WHERE p.course_id = $1 AND p.deleted_at IS NULL
  AND p.created_at > now() - $2::interval
GROUP BY p.author_id, u.display_name
ORDER BY total_upvotes DESC
LIMIT 10;

-- Unanswered questions that the instructor has not replied to.
-- name: ListUnansweredThreads :many
SELECT t.id, t.title, t.created_at, now() - t.created_at AS waiting_for
FROM discussion_posts t
JOIN courses c ON c.id = t.course_id
WHERE c.instructor_id = $1
  AND t.parent_id IS NULL AND t.deleted_at IS NULL AND NOT t.resolved
  AND NOT EXISTS (
      SELECT 1 FROM discussion_posts r
      WHERE r.parent_id = t.id AND r.author_id = c.instructor_id
  )
ORDER BY t.created_at;

-- A unified recent activity feed for a course: reviews and threads.
-- name: GetCourseActivityFeed :many
SELECT 'review' AS kind, r.id, r.user_id AS actor_id, r.body AS summary, r.created_at
FROM course_reviews r
WHERE r.course_id = @course_id AND NOT r.hidden
UNION ALL
SELECT 'thread', t.id, t.author_id, t.title, t.created_at
FROM discussion_posts t
WHERE t.course_id = @course_id AND t.parent_id IS NULL AND t.deleted_at IS NULL
UNION ALL
SELECT 'announcement', a.id, a.author_id, a.subject, a.published_at
FROM announcements a
WHERE a.course_id = @course_id AND a.published_at IS NOT NULL
ORDER BY created_at DESC
LIMIT @page_size;

-- Everyone who takes part in a course: enrolled students or posters.
-- name: ListCourseParticipants :many
SELECT user_id FROM enrollments WHERE course_id = $1
UNION
SELECT author_id FROM discussion_posts WHERE course_id = $1
ORDER BY 1;
