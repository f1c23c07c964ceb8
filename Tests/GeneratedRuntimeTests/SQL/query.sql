-- name: CreateSchedule :one
INSERT INTO schedules (name, every, grace, backoff) VALUES ($1, $2, $3, $4) RETURNING *;

-- name: GetSchedule :one
SELECT * FROM schedules WHERE id = $1;

-- How PostgreSQL itself adds intervals, to compare with the decoded value.
-- name: NextRunAfter :one
SELECT @start::timestamptz + every AS next_run, every * 2 AS doubled
FROM schedules WHERE id = @id;

-- name: SchedulesLongerThan :many
SELECT id, name FROM schedules WHERE every > $1 ORDER BY id;

-- MERGE reports its count as `MERGE n`, which postgres-nio does not parse itself.
-- name: MergeScheduleEvery :execrows
MERGE INTO schedules s
USING (SELECT @name::text AS name, @every::interval AS every) AS src ON s.name = src.name
WHEN MATCHED THEN UPDATE SET every = src.every
WHEN NOT MATCHED THEN INSERT (name, every) VALUES (src.name, src.every);

-- name: RenameSchedules :execrows
UPDATE schedules SET name = name || @suffix::text WHERE every > @every;

-- name: PruneSchedules :execresult
DELETE FROM schedules WHERE every < @every;

-- name: CreateShift :one
INSERT INTO shifts (day, off_days, maybe_days) VALUES ($1, $2, $3) RETURNING *;

-- name: ShiftsOn :many
SELECT id FROM shifts WHERE day = ANY(@days::weekday[]) ORDER BY id;

-- Batches: each item runs on its own, in order, on one connection.
-- name: CreateShifts :batchone
INSERT INTO shifts (day, off_days) VALUES ($1, $2) RETURNING id;

-- name: ShiftIDsOn :batchmany
SELECT id FROM shifts WHERE day = $1 ORDER BY id;

-- name: DeleteShifts :batchexec
DELETE FROM shifts WHERE id = $1;

-- Bulk insert through COPY.
-- name: CopyReadings :copyfrom
INSERT INTO readings (
    sensor, note, small, count, total, ratio, value, amount, ok, tag, payload, doc, taken_at, local_at, day, span,
    weekday, labels, off_days
) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19);

-- The same rows one INSERT at a time, to compare.
-- name: InsertReading :exec
INSERT INTO readings (
    sensor, note, small, count, total, ratio, value, amount, ok, tag, payload, doc, taken_at, local_at, day, span,
    weekday, labels, off_days
) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19);

-- name: ListReadings :many
SELECT * FROM readings ORDER BY id;

-- name: CountReadings :one
SELECT count(*) FROM readings;

-- name: CopySensorNames :copyfrom
INSERT INTO public.sensors (name) VALUES (@name);

-- name: ListSensors :many
SELECT name FROM sensors ORDER BY name;

-- name: CreateHost :one
INSERT INTO hosts (addr, net, mac, mac8) VALUES ($1, $2, $3, $4) RETURNING *;

-- PostgreSQL's own text forms (abbrev: inet_out's, without /32 for a host), to compare with the Swift descriptions.
-- name: HostTexts :one
SELECT abbrev(addr) AS addr, net::text AS net, mac::text AS mac, mac8::text AS mac8 FROM hosts WHERE id = $1;

-- name: HostsInNet :many
SELECT id FROM hosts WHERE addr << @net::cidr ORDER BY id;

-- name: CopyHosts :copyfrom
INSERT INTO hosts (addr, net, mac, mac8) VALUES ($1, $2, $3, $4);

-- name: CreateFlags :one
INSERT INTO flags (mask, bits) VALUES ($1, $2) RETURNING *;

-- name: FlagTexts :one
SELECT mask::text AS mask, bits::text AS bits, (mask & B'0110')::text AS masked FROM flags WHERE id = $1;

-- name: CopyFlags :copyfrom
INSERT INTO flags (mask, bits) VALUES ($1, $2);

-- name: CountFlagsWithBits :one
SELECT count(*) FROM flags WHERE bits = $1;

-- name: CreateAuthor :one
INSERT INTO authors (name, bio) VALUES (@name, @bio) RETURNING *;

-- name: CreateBook :one
INSERT INTO books (author_id, title, year) VALUES (@author_id, @title, @year) RETURNING *;

-- name: CreateBookNote :exec
INSERT INTO book_notes (book_id, body) VALUES (@book_id, @body);

-- Every author with each of their books, or with none.
-- name: ListAuthorsWithBooks :many
SELECT sqlc.embed(authors), sqlc.embed(books)
FROM authors LEFT JOIN books ON books.author_id = authors.id
ORDER BY authors.id, books.id;

-- Books and their notes; a book without a note still comes back.
-- name: ListBooksWithNotes :many
SELECT books.title, sqlc.embed(book_notes)
FROM books LEFT JOIN book_notes ON book_notes.book_id = books.id
ORDER BY books.id;

-- name: GetBookWithAuthor :one
SELECT sqlc.embed(b), sqlc.embed(a)
FROM books b JOIN authors a ON a.id = b.author_id
WHERE b.id = @id;

-- Inline hints: a type of the tests' own for a parameter and a column, and a column forced
-- non-optional (max() is NULL when every year is).
-- @param title: BookTitle
-- name: BooksTitled :many
SELECT b.id, b.title AS "title: BookTitle", max(b.year) OVER () AS "latest_year!"
FROM books b WHERE b.title = @title ORDER BY b.id;

-- name: CreateBooking :one
INSERT INTO bookings (seats, serials, price, during, local_during, days, seat_sets, free_days)
VALUES (@seats, @serials, @price, @during, @local_during, @days, @seat_sets, @free_days)
RETURNING *;

-- The server's own text form of the values without time zones in them.
-- name: BookingTexts :one
SELECT seats::text AS seats, serials::text AS serials, price::text AS price, seat_sets::text AS seat_sets
FROM bookings WHERE id = @id;

-- name: BookingsDuring :many
SELECT id FROM bookings WHERE during && @during ORDER BY id;

-- name: CopyBookings :copyfrom
INSERT INTO bookings (seats, serials, price, during, local_during, days, seat_sets, free_days)
VALUES (@seats, @serials, @price, @during, @local_during, @days, @seat_sets, @free_days);

-- name: ListBookings :many
SELECT * FROM bookings ORDER BY id;

-- name: CreateSample :one
INSERT INTO samples (amounts, blobs, docs, raw_docs, addrs, nets, macs, masks, windows, spans)
VALUES (@amounts, @blobs, @docs, @raw_docs, @addrs, @nets, @macs, @masks, @windows, @spans)
RETURNING *;

-- name: CopySamples :copyfrom
INSERT INTO samples (amounts, blobs, docs, raw_docs, addrs, nets, macs, masks, windows, spans)
VALUES (@amounts, @blobs, @docs, @raw_docs, @addrs, @nets, @macs, @masks, @windows, @spans);

-- name: ListSamples :many
SELECT * FROM samples ORDER BY id;

-- name: SampleAmounts :one
SELECT amounts FROM samples WHERE id = @id;

-- name: SamplesWithAmount :many
SELECT id FROM samples WHERE @amount::numeric = ANY(amounts) ORDER BY id;

-- name: SamplesWithAnyAmount :many
SELECT id FROM samples WHERE amounts && @amounts ORDER BY id;

-- name: CreateShape :one
INSERT INTO shapes (spot, edge, segment, frame, route, outline, ring)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *;

-- PostgreSQL's own text forms, to compare with the Swift descriptions.
-- name: ShapeTexts :one
SELECT spot::text AS spot, edge::text AS edge, segment::text AS segment, frame::text AS frame,
    route::text AS route, outline::text AS outline, ring::text AS ring
FROM shapes WHERE id = $1;

-- PostgreSQL's text input, decoded from binary: each description must give back the text.
-- name: ParseShapes :one
SELECT @spot::text::point AS spot, @edge::text::line AS edge, @segment::text::lseg AS segment,
    @frame::text::box AS frame, @route::text::path AS route, @outline::text::polygon AS outline,
    @ring::text::circle AS ring;

-- name: CopyShapes :copyfrom
INSERT INTO shapes (spot, edge, segment, frame, route, outline, ring) VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: CreateInvoice :one
INSERT INTO invoices (total, body) VALUES ($1, $2) RETURNING *;

-- name: InvoiceTexts :one
SELECT total::text AS total, body::text AS body FROM invoices WHERE id = $1;

-- name: InvoicesOver :many
SELECT id FROM invoices WHERE total > @minimum ORDER BY id;

-- name: CopyInvoices :copyfrom
INSERT INTO invoices (total, body) VALUES ($1, $2);

-- name: CreateDocument :one
INSERT INTO documents (words, search) VALUES ($1, $2) RETURNING *;

-- name: DocumentTexts :one
SELECT words::text AS words, search::text AS search FROM documents WHERE id = $1;

-- PostgreSQL's text input, decoded from binary: each description must give back the text.
-- name: ParseTextSearch :one
SELECT @words::text::tsvector AS words, @search::text::tsquery AS search;

-- name: MatchingDocuments :many
SELECT id FROM documents WHERE words @@ @query::tsquery ORDER BY id;

-- name: CopyDocuments :copyfrom
INSERT INTO documents (words, search) VALUES ($1, $2);

-- name: CreateOpeningHours :one
INSERT INTO opening_hours (opens, closes) VALUES (@opens, @closes) RETURNING *;

-- name: OpeningHoursTexts :one
SELECT opens::text AS opens, closes::text AS closes FROM opening_hours WHERE id = @id;

-- name: OpenAt :many
SELECT id FROM opening_hours WHERE opens <= @at ORDER BY id;

-- name: CopyOpeningHours :copyfrom
INSERT INTO opening_hours (opens, closes) VALUES (@opens, @closes);

-- name: ListOpeningHours :many
SELECT * FROM opening_hours ORDER BY id;

-- name: CreateCustomer :one
INSERT INTO customers (name, address, past_addresses, last_parcel)
VALUES (@name, @address, @past_addresses, @last_parcel)
RETURNING *;

-- name: CustomerAddressText :one
SELECT address::text AS address, last_parcel::text AS last_parcel FROM customers WHERE id = @id;

-- name: CustomersInZip :many
SELECT id FROM customers WHERE (address).zip = @zip ORDER BY id;

-- name: CopyCustomers :copyfrom
INSERT INTO customers (name, address, past_addresses, last_parcel)
VALUES (@name, @address, @past_addresses, @last_parcel);

-- name: ListCustomers :many
SELECT * FROM customers ORDER BY id;

-- name: CreateRoutePlan :one
INSERT INTO route_plans (stops, zones, ranges, fees, notes, keywords, queries, departures, arrivals, areas)
VALUES (@stops, @zones, @ranges, @fees, @notes, @keywords, @queries, @departures, @arrivals, @areas)
RETURNING *;

-- name: CopyRoutePlans :copyfrom
INSERT INTO route_plans (stops, zones, ranges, fees, notes, keywords, queries, departures, arrivals, areas)
VALUES (@stops, @zones, @ranges, @fees, @notes, @keywords, @queries, @departures, @arrivals, @areas);

-- name: ListRoutePlans :many
SELECT * FROM route_plans ORDER BY id;

-- name: CreateGrid :one
INSERT INTO grids (cells, labels, amounts, days, cube)
VALUES (@cells, @labels, @amounts, @days, @cube)
RETURNING *;

-- name: GridCells :one
SELECT cells FROM grids WHERE id = @id;

-- name: SetGridLabels :exec
UPDATE grids SET labels = @labels WHERE id = @id;

-- name: CopyGrids :copyfrom
INSERT INTO grids (cells, labels, amounts, days, cube) VALUES (@cells, @labels, @amounts, @days, @cube);

-- name: ListGrids :many
SELECT * FROM grids ORDER BY id;

-- name: RelationOID :one
SELECT sqlc.arg(name)::text::regclass AS relation;

-- name: CreateCatalogNote :one
INSERT INTO catalog_notes (relation, config, type_oid, position, path, relations, positions, paths)
VALUES (@relation, @config, @type_oid, @position, @path, @relations, @positions, @paths)
RETURNING *;

-- name: CatalogNoteNames :one
SELECT relation::text AS relation_name, config::text AS config_name FROM catalog_notes WHERE id = @id;

-- name: NotesMatchingPath :many
SELECT id FROM catalog_notes WHERE jsonb_path_exists(sqlc.arg(document)::jsonb, path) ORDER BY id;

-- name: CopyCatalogNotes :copyfrom
INSERT INTO catalog_notes (relation, config, type_oid, position, path, relations, positions, paths)
VALUES (@relation, @config, @type_oid, @position, @path, @relations, @positions, @paths);

-- name: ListCatalogNotes :many
SELECT * FROM catalog_notes ORDER BY id;

-- name: AuthorsWithBooks :many
SELECT a.id, a.name, array_agg(b ORDER BY b.id) AS books
FROM authors a JOIN books b ON b.author_id = a.id
GROUP BY a.id
ORDER BY a.id;

-- name: AuthorRowsWithNote :many
SELECT a, b AS book, n AS note
FROM authors a
LEFT JOIN books b ON b.author_id = a.id
LEFT JOIN book_notes n ON n.book_id = b.id
ORDER BY a.id, b.id;

-- name: BooksLike :many
SELECT id FROM books WHERE (books.*)::books = ANY (sqlc.arg(books)::books[]) ORDER BY id;

-- name: AuthorFromRecord :one
SELECT (sqlc.arg(author)::authors).name AS name;
