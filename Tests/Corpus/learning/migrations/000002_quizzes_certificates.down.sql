DROP TABLE IF EXISTS certificates;
DROP TABLE IF EXISTS attempt_responses;
DROP TABLE IF EXISTS quiz_attempts;
DROP TABLE IF EXISTS quiz_answers;
DROP TABLE IF EXISTS quiz_questions;
DROP TABLE IF EXISTS quizzes;
DROP TYPE IF EXISTS question_kind;
