CREATE TYPE user_role AS ENUM ('student', 'instructor', 'admin');
CREATE TYPE course_level AS ENUM ('beginner', 'intermediate', 'advanced');
CREATE TYPE course_status AS ENUM ('draft', 'published', 'archived');
CREATE TYPE lesson_kind AS ENUM ('video', 'article', 'quiz', 'assignment');

CREATE TABLE users (
    id             bigserial PRIMARY KEY,
    external_id    uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    email          varchar(320) NOT NULL,
    display_name   text NOT NULL,
    role           user_role NOT NULL DEFAULT 'student',
    locale         char(2) NOT NULL DEFAULT 'en',
    avatar         bytea,
    interests      text[] NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz,
    deactivated_at timestamptz
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE instructors (
    user_id        bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    headline       varchar(120) NOT NULL DEFAULT '',
    bio            text NOT NULL DEFAULT '',
    revenue_share  numeric(4,3) NOT NULL DEFAULT 0.700 CHECK (revenue_share BETWEEN 0 AND 1),
    payout_email   text,
    verified       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE categories (
    id         serial PRIMARY KEY,
    parent_id  integer REFERENCES categories (id) ON DELETE CASCADE,
    slug       text NOT NULL UNIQUE,
    name       text NOT NULL
);

CREATE TABLE courses (
    id              bigserial PRIMARY KEY,
    instructor_id   bigint NOT NULL REFERENCES instructors (user_id),
    category_id     integer REFERENCES categories (id) ON DELETE SET NULL,
    slug            text NOT NULL UNIQUE,
    title           varchar(200) NOT NULL,
    subtitle        text,
    description     text NOT NULL DEFAULT '',
    level           course_level NOT NULL DEFAULT 'beginner',
    status          course_status NOT NULL DEFAULT 'draft',
    language        char(2) NOT NULL DEFAULT 'en',
    price           numeric(10,2) NOT NULL DEFAULT 0 CHECK (price >= 0),
    tags            text[] NOT NULL DEFAULT '{}',
    estimated_time  interval,
    metadata        jsonb NOT NULL DEFAULT '{}',
    published_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX courses_instructor_idx ON courses (instructor_id);
CREATE INDEX courses_published_idx ON courses (published_at DESC, id DESC) WHERE status = 'published';

CREATE TABLE course_modules (
    id          bigserial PRIMARY KEY,
    course_id   bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    position    smallint NOT NULL,
    title       text NOT NULL,
    summary     text,
    UNIQUE (course_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE lessons (
    id            bigserial PRIMARY KEY,
    module_id     bigint NOT NULL REFERENCES course_modules (id) ON DELETE CASCADE,
    position      smallint NOT NULL,
    title         text NOT NULL,
    kind          lesson_kind NOT NULL DEFAULT 'video',
    body          text,
    video_url     text,
    duration      interval,
    is_preview    boolean NOT NULL DEFAULT false,
    attachments   json,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE enrollments (
    id            bigserial PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id     bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    enrolled_at   timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz,
    expires_on    date,
    UNIQUE (user_id, course_id)
);

CREATE INDEX enrollments_course_idx ON enrollments (course_id, enrolled_at DESC);

CREATE TABLE lesson_progress (
    user_id        bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    lesson_id      bigint NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
    started_at     timestamptz NOT NULL DEFAULT now(),
    completed_at   timestamptz,
    seconds_spent  integer NOT NULL DEFAULT 0,
    last_position  real,
    PRIMARY KEY (user_id, lesson_id)
);
