CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    owner varchar NOT NULL
);

ALTER TABLE acounts ADD COLUMN balance bigint NOT NULL DEFAULT 0;
ALTER TABLE accounts DROP COLUMN ownr;
ALTER TABLE accounts ALTER COLUMN idd SET NOT NULL;
ALTER TABLE accounts RENAME COLUMN onwer TO holder;
DROP TABLE acount;
