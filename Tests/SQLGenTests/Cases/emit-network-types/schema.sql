CREATE TABLE devices (
    id bigserial PRIMARY KEY,
    ip inet NOT NULL,
    subnet cidr,
    mac macaddr NOT NULL,
    eui64 macaddr8
);
