-- name: CreateCourse :one
INSERT INTO courses (instructor_id, category_id, slug, title, subtitle, description, level, price, language, tags)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING *;

-- name: GetCourse :one
SELECT * FROM courses WHERE id = $1;

-- name: GetCourseBySlug :one
SELECT c.*, u.display_name AS instructor_name
FROM courses c
JOIN users u ON u.id = c.instructor_id
WHERE c.slug = $1 AND c.status = 'published';

-- Edits course details; only the given fields change.
-- name: UpdateCourse :one
UPDATE courses
SET title       = COALESCE(sqlc.narg(title), title),
    subtitle    = COALESCE(sqlc.narg(subtitle), subtitle),
    description = COALESCE(sqlc.narg(description), description),
    level       = COALESCE(sqlc.narg(level), level),
    price       = COALESCE(sqlc.narg(price), price),
    tags        = COALESCE(sqlc.narg(tags), tags),
    updated_at  = now()
WHERE id = sqlc.arg(id) AND instructor_id = sqlc.arg(instructor_id)
RETURNING *;

-- Publishes a draft course that has at least one lesson.
-- name: PublishCourse :one
UPDATE courses c
SET status = 'published', published_at = COALESCE(published_at, now()), updated_at = now()
WHERE c.id = $1
  AND c.status = 'draft'
  AND EXISTS (
      SELECT 1 FROM course_modules m JOIN lessons l ON l.module_id = m.id
      WHERE m.course_id = c.id
  )
RETURNING id, status, published_at;

-- name: ArchiveCourse :execrows
UPDATE courses SET status = 'archived', updated_at = now()
WHERE id = $1 AND status <> 'archived';

-- name: MergeCourseMetadata :one
UPDATE courses SET metadata = metadata || @patch::jsonb, updated_at = now()
WHERE id = @id
RETURNING metadata;

-- name: SetCourseFeatured :exec
UPDATE courses SET featured = @featured WHERE id = ANY(@ids::bigint[]);

-- name: DeleteDraftCourse :execrows
DELETE FROM courses WHERE id = $1 AND status = 'draft';

-- Public catalog with optional filters, newest first, keyset paginated.
-- name: ListPublishedCourses :many
SELECT id, slug, title, subtitle, level, price, language, tags, published_at
FROM courses
WHERE status = 'published'
  AND (sqlc.narg(level)::course_level IS NULL OR level = sqlc.narg(level))
  AND (sqlc.narg(category_id)::integer IS NULL OR category_id = sqlc.narg(category_id))
  AND (sqlc.narg(max_price)::numeric IS NULL OR price <= sqlc.narg(max_price))
  AND (sqlc.narg(language)::text IS NULL OR language = sqlc.narg(language))
  AND (sqlc.narg(tag)::text IS NULL OR sqlc.narg(tag) = ANY(tags))
  AND (sqlc.narg(after_published)::timestamptz IS NULL
       OR (published_at, id) < (sqlc.narg(after_published), sqlc.narg(after_id)::bigint))
ORDER BY published_at DESC, id DESC
LIMIT sqlc.arg(page_size);

-- name: ListFeaturedCourses :many
SELECT c.id, c.slug, c.title, c.price, u.display_name AS instructor_name
FROM courses c
JOIN users u ON u.id = c.instructor_id
WHERE c.featured AND c.status = 'published'
ORDER BY c.published_at DESC
LIMIT 12;

-- An instructor's own courses with status counts, offset paginated.
-- name: ListInstructorCourses :many
SELECT c.id, c.slug, c.title, c.status, c.price, c.updated_at,
       (SELECT count(*) FROM enrollments e WHERE e.course_id = c.id) AS enrollment_count,
       count(*) OVER () AS total_count
FROM courses c
WHERE c.instructor_id = $1
ORDER BY c.updated_at DESC
LIMIT $2 OFFSET $3;

-- Case-insensitive search on title, subtitle and tags.
-- name: SearchCourses :many
SELECT id, slug, title, subtitle, price,
       CASE
           WHEN title ILIKE @query::text || '%' THEN 3
           WHEN title ILIKE '%' || @query::text || '%' THEN 2
           WHEN lower(@query::text) = ANY(tags) THEN 1
           ELSE 0
       END AS relevance
FROM courses
WHERE status = 'published'
  AND (title ILIKE '%' || @query::text || '%'
       OR subtitle ILIKE '%' || @query::text || '%'
       OR lower(@query::text) = ANY(tags))
ORDER BY relevance DESC, published_at DESC
LIMIT 50;

-- Tag cloud across the published catalog.
-- name: ListPopularTags :many
SELECT tag, count(*) AS course_count
FROM courses, unnest(tags) AS tag
WHERE status = 'published'
GROUP BY tag
HAVING count(*) > 1
ORDER BY course_count DESC, tag
LIMIT $1;

-- name: CreateCategory :one
INSERT INTO categories (parent_id, slug, name)
VALUES ($1, $2, $3)
RETURNING *;

-- Category tree with depth and breadcrumb path.
-- name: ListCategoryTree :many
WITH RECURSIVE tree AS (
    SELECT id, parent_id, slug, name, 0 AS depth, ARRAY[name] AS path
    FROM categories
    WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, c.parent_id, c.slug, c.name, t.depth + 1, t.path || c.name
    FROM categories c
    JOIN tree t ON c.parent_id = t.id
)
SELECT id, parent_id, slug, name, depth, array_to_string(path, ' / ') AS breadcrumb
FROM tree
ORDER BY path;

-- Published courses in a category or any of its subcategories.
-- name: ListCoursesInCategoryTree :many
WITH RECURSIVE sub AS (
    SELECT id FROM categories WHERE categories.id = @category_id::integer
    UNION
    SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id
)
SELECT co.id, co.slug, co.title, co.price, co.category_id
FROM courses co
WHERE co.category_id IN (SELECT id FROM sub) AND co.status = 'published'
ORDER BY co.title;

-- name: CreateModule :one
INSERT INTO course_modules (course_id, position, title, summary)
VALUES (@course_id,
        COALESCE((SELECT max(position) FROM course_modules WHERE course_id = @course_id), 0) + 1,
        @title, @summary)
RETURNING *;

-- name: RenameModule :exec
UPDATE course_modules SET title = $2, summary = $3 WHERE id = $1;

-- Moves a module to a new position and shifts its siblings.
-- name: MoveModule :execrows
UPDATE course_modules m
SET position = CASE
        WHEN m.id = @module_id THEN @new_position::smallint
        WHEN src.position < @new_position::smallint THEN m.position - 1
        ELSE m.position + 1
    END
FROM course_modules src
WHERE src.id = @module_id
  AND m.course_id = src.course_id
  AND m.position BETWEEN LEAST(src.position, @new_position::smallint)
                     AND GREATEST(src.position, @new_position::smallint);

-- name: DeleteModule :exec
DELETE FROM course_modules WHERE id = $1;

-- Closes the gap left by a deleted module.
-- name: CompactModulePositions :execrows
UPDATE course_modules m
SET position = ranked.new_position
FROM (
    SELECT id, row_number() OVER (ORDER BY position)::smallint AS new_position
    FROM course_modules
    WHERE course_id = $1
) ranked
WHERE m.id = ranked.id AND m.position <> ranked.new_position;

-- name: CreateLesson :one
INSERT INTO lessons (module_id, position, title, kind, body, video_url, duration, is_preview, attachments)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING *;

-- name: GetLesson :one
SELECT l.*, m.course_id, m.title AS module_title
FROM lessons l
JOIN course_modules m ON m.id = l.module_id
WHERE l.id = $1;

-- name: UpdateLesson :one
UPDATE lessons
SET title = @title, body = @body, video_url = @video_url, duration = @duration,
    is_preview = @is_preview, updated_at = now()
WHERE id = @id
RETURNING *;

-- name: DeleteLesson :exec
DELETE FROM lessons WHERE id = $1;

-- Full syllabus: modules with their lessons as JSON, in order.
-- name: GetCourseSyllabus :many
SELECT m.id, m.position, m.title,
       COALESCE(json_agg(json_build_object(
           'id', l.id, 'position', l.position, 'title', l.title,
           'kind', l.kind, 'duration', l.duration, 'preview', l.is_preview
       ) ORDER BY l.position) FILTER (WHERE l.id IS NOT NULL), '[]'::json) AS lessons
FROM course_modules m
LEFT JOIN lessons l ON l.module_id = m.id
WHERE m.course_id = $1
GROUP BY m.id, m.position, m.title
ORDER BY m.position;

-- Flat, ordered lesson list of a course.
-- name: ListCourseLessons :many
SELECT l.id, l.title, l.kind, l.duration, m.position AS module_position, l.position,
       row_number() OVER (ORDER BY m.position, l.position) AS lesson_number
FROM lessons l
JOIN course_modules m ON m.id = l.module_id
WHERE m.course_id = $1
ORDER BY m.position, l.position;

-- Total running time per course, summed from lesson durations.
-- name: GetCourseDurations :many
SELECT m.course_id,
       COALESCE(sum(l.duration), interval '0') AS total_duration,
       count(l.id) AS lesson_count,
       count(l.id) FILTER (WHERE l.kind = 'video') AS video_count
FROM course_modules m
LEFT JOIN lessons l ON l.module_id = m.id
WHERE m.course_id = ANY($1::bigint[])
GROUP BY m.course_id;

-- Stores the computed running time on the course row.
-- name: RefreshCourseEstimatedTime :execrows
UPDATE courses c
SET estimated_time = d.total
FROM (
    SELECT m.course_id, sum(l.duration) AS total
    FROM course_modules m
    JOIN lessons l ON l.module_id = m.id
    GROUP BY m.course_id
) d
WHERE c.id = d.course_id AND c.estimated_time IS DISTINCT FROM d.total;

-- The lesson after the given one, crossing module boundaries.
-- name: GetNextLesson :one
SELECT nxt.id, nxt.title, nxt.kind
FROM lessons cur
JOIN course_modules cm ON cm.id = cur.module_id
JOIN course_modules m ON m.course_id = cm.course_id
JOIN lessons nxt ON nxt.module_id = m.id
WHERE cur.id = $1
  AND (m.position, nxt.position) > (cm.position, cur.position)
ORDER BY m.position, nxt.position
LIMIT 1;

-- name: ListPreviewLessons :many
SELECT l.id, l.title, l.video_url, l.duration
FROM lessons l
JOIN course_modules m ON m.id = l.module_id
WHERE m.course_id = $1 AND l.is_preview
ORDER BY m.position, l.position;

-- Copies a course's modules and lessons into a fresh draft.
-- name: DuplicateCourse :one
WITH src AS (
    SELECT * FROM courses WHERE courses.id = @course_id
), new_course AS (
    INSERT INTO courses (instructor_id, category_id, slug, title, subtitle, description, level, price, language, tags)
    SELECT instructor_id, category_id, @new_slug, title || ' (copy)', subtitle, description, level, price, language, tags
    FROM src
    RETURNING id
), new_modules AS (
    INSERT INTO course_modules (course_id, position, title, summary)
    SELECT new_course.id, m.position, m.title, m.summary
    FROM course_modules m, new_course
    WHERE m.course_id = @course_id
    RETURNING id
)
SELECT new_course.id, (SELECT count(*) FROM new_modules) AS modules_copied
FROM new_course;

-- name: AddToWishlist :exec
INSERT INTO wishlist_items (user_id, course_id)
VALUES ($1, $2)
ON CONFLICT DO NOTHING;

-- name: RemoveFromWishlist :execrows
DELETE FROM wishlist_items WHERE user_id = $1 AND course_id = $2;

-- name: ListWishlist :many
SELECT c.id, c.slug, c.title, c.price, w.added_at
FROM wishlist_items w
JOIN courses c ON c.id = w.course_id
WHERE w.user_id = $1 AND c.status = 'published'
ORDER BY w.added_at DESC;

-- Drops wishlist entries for courses the user has since enrolled in.
-- name: PruneWishlistEnrolled :execrows
DELETE FROM wishlist_items w
USING enrollments e
WHERE e.user_id = w.user_id AND e.course_id = w.course_id;

-- name: CreateAnnouncement :one
INSERT INTO announcements (course_id, author_id, subject, body, send_email, published_at)
VALUES (@course_id, @author_id, @subject, @body, @send_email,
        CASE WHEN @publish_now::boolean THEN now() END)
RETURNING *;

-- name: ListCourseAnnouncements :many
SELECT a.id, a.subject, a.body, a.published_at, u.display_name AS author_name
FROM announcements a
JOIN users u ON u.id = a.author_id
WHERE a.course_id = $1 AND a.published_at IS NOT NULL
ORDER BY a.published_at DESC
LIMIT $2;
