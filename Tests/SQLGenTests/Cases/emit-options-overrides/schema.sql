CREATE TABLE sessions (
    id uuid PRIMARY KEY,
    username varchar NOT NULL,
    client_ip varchar NOT NULL,
    last_ip inet,
    expires_at bigint NOT NULL
);
