-- name: CreateQuiz :one
INSERT INTO quizzes (lesson_id, title, pass_score, time_limit, max_attempts, shuffle)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: GetQuizForLesson :one
SELECT * FROM quizzes WHERE lesson_id = $1;

-- name: UpdateQuizSettings :one
UPDATE quizzes
SET pass_score   = COALESCE(sqlc.narg(pass_score), pass_score),
    time_limit   = COALESCE(sqlc.narg(time_limit), time_limit),
    max_attempts = COALESCE(sqlc.narg(max_attempts), max_attempts)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: DeleteQuiz :exec
DELETE FROM quizzes WHERE id = $1;

-- name: AddQuestion :one
INSERT INTO quiz_questions (quiz_id, position, kind, prompt, points, explanation)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: UpdateQuestion :exec
UPDATE quiz_questions
SET prompt = @prompt, points = @points, explanation = @explanation
WHERE id = @id;

-- name: DeleteQuestion :exec
DELETE FROM quiz_questions WHERE id = $1;

-- name: AddAnswer :one
INSERT INTO quiz_answers (question_id, position, body, is_correct)
VALUES ($1, $2, $3, $4)
RETURNING *;

-- Replaces the correct answer of a single-choice question.
-- name: SetCorrectAnswer :execrows
UPDATE quiz_answers
SET is_correct = (id = @answer_id)
WHERE question_id = @question_id;

-- The quiz as a student sees it: questions with answers, without the key.
-- name: GetQuizQuestions :many
SELECT q.id, q.position, q.kind, q.prompt, q.points,
       jsonb_agg(jsonb_build_object('id', a.id, 'body', a.body) ORDER BY a.position)
           FILTER (WHERE a.id IS NOT NULL) AS answers
FROM quiz_questions q
LEFT JOIN quiz_answers a ON a.question_id = q.id
WHERE q.quiz_id = $1
GROUP BY q.id, q.position, q.kind, q.prompt, q.points
ORDER BY q.position;

-- The answer key, for grading.
-- name: GetAnswerKey :many
SELECT q.id AS question_id, q.kind, q.points,
       array_agg(a.id ORDER BY a.id) FILTER (WHERE a.is_correct) AS correct_ids
FROM quiz_questions q
LEFT JOIN quiz_answers a ON a.question_id = q.id
WHERE q.quiz_id = $1
GROUP BY q.id, q.kind, q.points;

-- Starts a new attempt if the attempt limit allows it.
-- name: StartAttempt :one
INSERT INTO quiz_attempts (quiz_id, user_id, attempt_no)
SELECT qz.id, @user_id, COALESCE(max(a.attempt_no), 0) + 1
FROM quizzes qz
LEFT JOIN quiz_attempts a ON a.quiz_id = qz.id AND a.user_id = @user_id
WHERE qz.id = @quiz_id
GROUP BY qz.id, qz.max_attempts
HAVING qz.max_attempts IS NULL OR count(a.id) < qz.max_attempts
RETURNING *;

-- name: GetAttempt :one
SELECT a.*, q.title AS quiz_title, q.pass_score, q.time_limit,
       q.time_limit IS NOT NULL AND now() > a.started_at + q.time_limit AS timed_out
FROM quiz_attempts a
JOIN quizzes q ON q.id = a.quiz_id
WHERE a.id = $1 AND a.user_id = $2;

-- Saves (or changes) the response to one question.
-- name: SaveResponse :exec
INSERT INTO attempt_responses (attempt_id, question_id, answer_ids, free_text)
VALUES ($1, $2, $3, $4)
ON CONFLICT (attempt_id, question_id) DO UPDATE
SET answer_ids = excluded.answer_ids, free_text = excluded.free_text;

-- Grades all choice responses of an attempt against the key.
-- name: GradeResponses :execrows
UPDATE attempt_responses r
SET is_correct = (r.answer_ids = k.correct_ids),
    points_awarded = CASE WHEN r.answer_ids = k.correct_ids THEN k.points ELSE 0 END
FROM (
    SELECT q.id, q.points,
           COALESCE(array_agg(a.id ORDER BY a.id) FILTER (WHERE a.is_correct), '{}') AS correct_ids
    FROM quiz_questions q
    LEFT JOIN quiz_answers a ON a.question_id = q.id
    WHERE q.kind <> 'short_answer'
    GROUP BY q.id, q.points
) k
WHERE r.question_id = k.id AND r.attempt_id = $1;

-- Closes an attempt: computes the score from the graded responses.
-- name: SubmitAttempt :one
UPDATE quiz_attempts a
SET submitted_at = now(),
    score = s.score,
    passed = s.score >= q.pass_score
FROM quizzes q,
     (
         SELECT r.attempt_id,
                round(100.0 * sum(r.points_awarded)
                      / NULLIF((SELECT sum(qq.points) FROM quiz_questions qq
                                JOIN quiz_attempts qa ON qa.quiz_id = qq.quiz_id
                                WHERE qa.id = r.attempt_id), 0), 2) AS score
         FROM attempt_responses r
         WHERE r.attempt_id = $1
         GROUP BY r.attempt_id
     ) s
WHERE a.id = s.attempt_id AND a.quiz_id = q.id AND a.submitted_at IS NULL
RETURNING a.id, a.score, a.passed, a.submitted_at;

-- Manual grading of a short answer.
-- name: GradeShortAnswer :exec
UPDATE attempt_responses r
SET is_correct = @correct, points_awarded = CASE WHEN @correct THEN q.points ELSE 0 END
FROM quiz_questions q
WHERE q.id = r.question_id AND r.attempt_id = @attempt_id AND r.question_id = @question_id;

-- name: ListMyAttempts :many
SELECT id, attempt_no, started_at, submitted_at, score, passed,
       submitted_at - started_at AS time_taken
FROM quiz_attempts
WHERE quiz_id = $1 AND user_id = $2
ORDER BY attempt_no DESC;

-- Best attempt per student on a quiz, ranked.
-- name: GetQuizLeaderboard :many
WITH best AS (
    SELECT DISTINCT ON (user_id) user_id, score, submitted_at - started_at AS time_taken
    FROM quiz_attempts
    WHERE quiz_id = $1 AND submitted_at IS NOT NULL
    ORDER BY user_id, score DESC, submitted_at - started_at
)
SELECT b.user_id, u.display_name, b.score, b.time_taken,
       rank() OVER (ORDER BY b.score DESC, b.time_taken) AS place,
       dense_rank() OVER (ORDER BY b.score DESC) AS score_rank
FROM best b
JOIN users u ON u.id = b.user_id
ORDER BY place
LIMIT $2;

-- Statistics per quiz question: how many got it right.
-- name: GetQuestionStats :many
SELECT q.id, q.position, left(q.prompt, 80) AS prompt_preview,
       count(r.attempt_id) AS responses,
       count(*) FILTER (WHERE r.is_correct) AS correct,
       round((count(*) FILTER (WHERE r.is_correct))::numeric / NULLIF(count(r.attempt_id), 0), 2) AS difficulty
FROM quiz_questions q
LEFT JOIN attempt_responses r ON r.question_id = q.id
WHERE q.quiz_id = $1
GROUP BY q.id, q.position, q.prompt
ORDER BY difficulty NULLS LAST, q.position;

-- Summary of a quiz: attempts, pass rate, average and spread of scores.
-- name: GetQuizSummary :one
SELECT count(*) AS attempts,
       count(DISTINCT user_id) AS students,
       round(avg(score), 2) AS avg_score,
       round(stddev_samp(score), 2) AS stddev_score,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS median_score,
       round(100.0 * count(*) FILTER (WHERE passed) / NULLIF(count(*), 0), 1) AS pass_rate
FROM quiz_attempts
WHERE quiz_id = $1 AND submitted_at IS NOT NULL;

-- Abandons attempts left open past their time limit.
-- name: ExpireStaleAttempts :execrows
UPDATE quiz_attempts a
SET submitted_at = a.started_at + q.time_limit, score = 0, passed = false
FROM quizzes q
WHERE q.id = a.quiz_id
  AND a.submitted_at IS NULL
  AND q.time_limit IS NOT NULL
  AND a.started_at + q.time_limit + interval '5 minutes' < now();

-- Whether a student passed every quiz in the course.
-- name: HasPassedAllQuizzes :one
SELECT NOT EXISTS (
    SELECT 1
    FROM quizzes qz
    JOIN lessons l ON l.id = qz.lesson_id
    JOIN course_modules m ON m.id = l.module_id
    WHERE m.course_id = @course_id
      AND NOT EXISTS (
          SELECT 1 FROM quiz_attempts a
          WHERE a.quiz_id = qz.id AND a.user_id = @user_id AND a.passed
      )
) AS passed_all;

-- Issues a certificate with the average of the best quiz scores.
-- name: IssueCertificate :one
INSERT INTO certificates (user_id, course_id, serial, final_score)
SELECT @user_id, @course_id, @serial,
       (SELECT round(avg(best), 2)
        FROM (
            SELECT max(a.score) AS best
            FROM quiz_attempts a
            JOIN quizzes qz ON qz.id = a.quiz_id
            JOIN lessons l ON l.id = qz.lesson_id
            JOIN course_modules m ON m.id = l.module_id
            WHERE m.course_id = @course_id AND a.user_id = @user_id
            GROUP BY a.quiz_id
        ) per_quiz)
ON CONFLICT (user_id, course_id) DO NOTHING
RETURNING *;

-- Public verification page of a certificate.
-- name: VerifyCertificate :one
SELECT cert.id, cert.serial, cert.issued_at, cert.final_score,
       cert.revoked_at IS NULL AS valid,
       u.display_name AS student_name, c.title AS course_title,
       iu.display_name AS instructor_name
FROM certificates cert
JOIN users u ON u.id = cert.user_id
JOIN courses c ON c.id = cert.course_id
JOIN users iu ON iu.id = c.instructor_id
WHERE cert.serial = upper(@serial::text);

-- name: ListUserCertificates :many
SELECT cert.id, cert.serial, cert.issued_at, cert.final_score, c.title, c.slug
FROM certificates cert
JOIN courses c ON c.id = cert.course_id
WHERE cert.user_id = $1 AND cert.revoked_at IS NULL
ORDER BY cert.issued_at DESC;

-- name: RevokeCertificate :execrows
UPDATE certificates SET revoked_at = now(), revoke_reason = $2
WHERE id = $1 AND revoked_at IS NULL;

-- Completed enrollments still waiting for a certificate.
-- name: ListCertificateBacklog :many
SELECT e.user_id, e.course_id, e.completed_at
FROM enrollments e
WHERE e.completed_at IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM certificates c
      WHERE c.user_id = e.user_id AND c.course_id = e.course_id
  )
ORDER BY e.completed_at
LIMIT $1;

-- Certificates issued per month, with a running total.
-- name: GetCertificatesPerMonth :many
SELECT date_trunc('month', issued_at)::date AS month,
       count(*) AS issued,
       sum(count(*)) OVER (ORDER BY date_trunc('month', issued_at)) AS running_total
FROM certificates
WHERE revoked_at IS NULL AND issued_at >= $1
GROUP BY date_trunc('month', issued_at)
ORDER BY month;
