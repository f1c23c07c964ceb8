CREATE TABLE zones (
    id bigserial PRIMARY KEY,
    area circle NOT NULL,
    bounds box
);
