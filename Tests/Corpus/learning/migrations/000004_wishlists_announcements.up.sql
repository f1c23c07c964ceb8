ALTER TABLE courses ADD COLUMN featured boolean NOT NULL DEFAULT false;
ALTER TABLE enrollments ADD COLUMN source varchar(40);
ALTER TABLE enrollments ADD COLUMN last_lesson_id bigint REFERENCES lessons (id) ON DELETE SET NULL;

CREATE TABLE wishlist_items (
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id  bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, course_id)
);

CREATE TABLE announcements (
    id          bigserial PRIMARY KEY,
    course_id   bigint NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    author_id   bigint NOT NULL REFERENCES users (id),
    subject     text NOT NULL,
    body        text NOT NULL,
    send_email  boolean NOT NULL DEFAULT true,
    published_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
