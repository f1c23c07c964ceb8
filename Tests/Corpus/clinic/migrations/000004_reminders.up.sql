CREATE TYPE reminder_channel AS ENUM ('email', 'sms', 'push');

ALTER TABLE patients
    ADD COLUMN preferred_channel reminder_channel NOT NULL DEFAULT 'email',
    ADD COLUMN reminder_opt_out boolean NOT NULL DEFAULT false;

CREATE TABLE reminders (
    id              bigserial PRIMARY KEY,
    appointment_id  bigint NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    channel         reminder_channel NOT NULL,
    send_at         timestamptz NOT NULL,
    sent_at         timestamptz,
    attempts        integer NOT NULL DEFAULT 0,
    last_error      text,
    locked_until    timestamptz,
    payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (appointment_id, channel, send_at)
);

CREATE INDEX reminders_due_idx ON reminders (send_at) WHERE sent_at IS NULL;
