CREATE TYPE question_kind AS ENUM ('single_choice', 'multiple_choice', 'true_false', 'short_answer');

CREATE TABLE quizzes (
    id              bigserial PRIMARY KEY,
    lesson_id       bigint NOT NULL UNIQUE REFERENCES lessons (id) ON DELETE CASCADE,
    title           text NOT NULL,
    pass_score      numeric(5,2) NOT NULL DEFAULT 70.00,
    time_limit      interval,
    max_attempts    smallint,
    shuffle         boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE quiz_questions (
    id         bigserial PRIMARY KEY,
    quiz_id    bigint NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
    position   smallint NOT NULL,
    kind       question_kind NOT NULL DEFAULT 'single_choice',
    prompt     text NOT NULL,
    points     smallint NOT NULL DEFAULT 1 CHECK (points > 0),
    explanation text,
    UNIQUE (quiz_id, position)
);

CREATE TABLE quiz_answers (
    id           bigserial PRIMARY KEY,
    question_id  bigint NOT NULL REFERENCES quiz_questions (id) ON DELETE CASCADE,
    position     smallint NOT NULL,
    body         text NOT NULL,
    is_correct   boolean NOT NULL DEFAULT false
);

CREATE TABLE quiz_attempts (
    id            bigserial PRIMARY KEY,
    quiz_id       bigint NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    attempt_no    integer NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    submitted_at  timestamptz,
    score         numeric(5,2),
    passed        boolean,
    UNIQUE (quiz_id, user_id, attempt_no)
);

CREATE TABLE attempt_responses (
    attempt_id    bigint NOT NULL REFERENCES quiz_attempts (id) ON DELETE CASCADE,
    question_id   bigint NOT NULL REFERENCES quiz_questions (id) ON DELETE CASCADE,
    answer_ids    bigint[] NOT NULL DEFAULT '{}',
    free_text     text,
    is_correct    boolean,
    points_awarded smallint NOT NULL DEFAULT 0,
    PRIMARY KEY (attempt_id, question_id)
);

CREATE TABLE certificates (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id      bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    serial         varchar(24) NOT NULL UNIQUE,
    final_score    numeric(5,2),
    issued_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz,
    revoke_reason  text,
    UNIQUE (user_id, course_id)
);
