CREATE TABLE shifts (
    id bigserial PRIMARY KEY,
    starts time NOT NULL,
    ends timetz
);
