CREATE TABLE documents (
    id bigserial PRIMARY KEY,
    body text NOT NULL,
    language regconfig NOT NULL DEFAULT 'english',
    owner_table regclass,
    type_oid oid,
    flushed_at pg_lsn,
    filter jsonpath,
    areas box[]
);
