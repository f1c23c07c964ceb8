CREATE TYPE weekday AS ENUM ('mon', 'tue');

CREATE TABLE grids (
    id bigserial PRIMARY KEY,
    cells integer[][] NOT NULL,
    sized text[3][3],
    amounts numeric[][],
    days weekday[][],
    cube bigint[][][],
    flat integer[]
);
