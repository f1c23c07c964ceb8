CREATE TABLE reservations (
    id bigserial PRIMARY KEY,
    room int4range NOT NULL,
    during tstzrange NOT NULL,
    nights daterange,
    budget numrange,
    blocked int8multirange
);
