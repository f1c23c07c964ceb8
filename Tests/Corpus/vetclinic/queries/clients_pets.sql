-- Creates a clinic (used by the onboarding flow and tests).
-- name: CreateClinic :one
INSERT INTO clinics (code, name, timezone, phone, slot_minutes)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: GetClinicByCode :one
SELECT * FROM clinics
WHERE code = upper(@code::text);

-- name: ListClinics :many
SELECT id, code, name, timezone
FROM clinics
ORDER BY name;

-- Registers a new client at a clinic.
-- name: CreateClient :one
INSERT INTO clients (clinic_id, first_name, last_name, email, phone, postal_code, marketing_opt_in)
VALUES ($1, $2, $3, lower($4), $5, $6, $7)
RETURNING *;

-- name: GetClient :one
SELECT * FROM clients
WHERE id = $1 AND clinic_id = $2;

-- name: GetClientByEmail :one
SELECT * FROM clients
WHERE clinic_id = @clinic_id AND lower(email) = lower(@email::text) AND archived_at IS NULL;

-- Partial update: only the fields that are given change.
-- name: UpdateClient :one
UPDATE clients
SET first_name       = COALESCE(sqlc.narg(first_name), first_name),
    last_name        = COALESCE(sqlc.narg(last_name), last_name),
    email            = COALESCE(lower(sqlc.narg(email)), email),
    phone            = COALESCE(sqlc.narg(phone), phone),
    postal_code      = COALESCE(sqlc.narg(postal_code), postal_code),
    marketing_opt_in = COALESCE(sqlc.narg(marketing_opt_in), marketing_opt_in),
    updated_at       = now()
WHERE id = sqlc.arg(id) AND clinic_id = sqlc.arg(clinic_id)
RETURNING *;

-- name: AppendClientNote :exec
UPDATE clients
SET notes = CASE WHEN notes IS NULL OR notes = '' THEN @note::text
                 ELSE notes || E'\n' || @note::text END,
    updated_at = now()
WHERE id = @id;

-- name: ArchiveClient :execrows
UPDATE clients
SET archived_at = now(), updated_at = now()
WHERE id = $1 AND archived_at IS NULL;

-- name: UnarchiveClient :execrows
UPDATE clients
SET archived_at = NULL, updated_at = now()
WHERE id = $1 AND archived_at IS NOT NULL;

-- Offset pagination for the admin client list, with optional filters.
-- name: ListClients :many
SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.created_at,
       count(p.id) AS pet_count
FROM clients c
LEFT JOIN pets p ON p.client_id = c.id AND p.deceased_on IS NULL
WHERE c.clinic_id = sqlc.arg(clinic_id)
  AND (sqlc.narg(postal_code)::text IS NULL OR c.postal_code = sqlc.narg(postal_code))
  AND (sqlc.narg(include_archived)::boolean IS TRUE OR c.archived_at IS NULL)
GROUP BY c.id
ORDER BY c.last_name, c.first_name, c.id
LIMIT sqlc.arg(page_size) OFFSET sqlc.arg(page_offset);

-- name: CountClients :one
SELECT count(*) FROM clients
WHERE clinic_id = $1 AND archived_at IS NULL;

-- Keyset pagination by (last_name, first_name, id).
-- name: ListClientsAfter :many
SELECT id, first_name, last_name, email
FROM clients
WHERE clinic_id = @clinic_id
  AND archived_at IS NULL
  AND (last_name, first_name, id) > (@after_last_name::text, @after_first_name::text, @after_id::bigint)
ORDER BY last_name, first_name, id
LIMIT @page_size;

-- Reception search box: name, email, phone or pet name.
-- name: SearchClients :many
SELECT DISTINCT ON (c.id)
       c.id, c.first_name || ' ' || c.last_name AS full_name, c.email, c.phone
FROM clients c
LEFT JOIN pets p ON p.client_id = c.id
WHERE c.clinic_id = @clinic_id
  AND c.archived_at IS NULL
  AND (c.last_name ILIKE @term::text || '%'
       OR c.first_name ILIKE @term::text || '%'
       OR c.email ILIKE '%' || @term::text || '%'
       OR regexp_replace(c.phone, '[^0-9]', '', 'g') LIKE '%' || regexp_replace(@term::text, '[^0-9]', '', 'g') || '%'
       OR p.name ILIKE @term::text || '%')
ORDER BY c.id
LIMIT 25;

-- Clients with no visit in the given period, for recall campaigns.
-- name: ListLapsedClients :many
SELECT c.id, c.first_name, c.last_name, c.email, max(v.visited_at) AS last_visit_at
FROM clients c
JOIN pets p ON p.client_id = c.id AND p.deceased_on IS NULL
LEFT JOIN visits v ON v.pet_id = p.id
WHERE c.clinic_id = $1 AND c.marketing_opt_in AND c.archived_at IS NULL
GROUP BY c.id
HAVING max(v.visited_at) IS NULL OR max(v.visited_at) < now() - $2::interval
ORDER BY last_visit_at NULLS FIRST
LIMIT $3;

-- name: CreatePet :one
INSERT INTO pets (client_id, name, species, breed, sex, neutered, birth_date, microchip, weight_kg, allergies)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING *;

-- name: GetPet :one
SELECT * FROM pets WHERE id = $1;

-- name: GetPetByPublicID :one
SELECT p.*, c.first_name AS owner_first_name, c.last_name AS owner_last_name
FROM pets p
JOIN clients c ON c.id = p.client_id
WHERE p.public_id = $1;

-- name: GetPetByMicrochip :one
SELECT p.id, p.name, p.species, c.id AS client_id, c.phone
FROM pets p
JOIN clients c ON c.id = p.client_id
WHERE p.microchip = replace(@microchip::text, ' ', '');

-- name: ListPetsForClient :many
SELECT id, public_id, name, species, breed, birth_date,
       date_part('year', age(current_date, birth_date))::integer AS age_years,
       deceased_on IS NOT NULL AS deceased
FROM pets
WHERE client_id = $1
ORDER BY deceased_on NULLS FIRST, name;

-- name: UpdatePet :one
UPDATE pets
SET name       = COALESCE(sqlc.narg(name), name),
    breed      = COALESCE(sqlc.narg(breed), breed),
    neutered   = COALESCE(sqlc.narg(neutered), neutered),
    weight_kg  = COALESCE(sqlc.narg(weight_kg), weight_kg),
    microchip  = COALESCE(sqlc.narg(microchip), microchip),
    updated_at = now()
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: AddPetAllergy :exec
UPDATE pets
SET allergies = array_append(allergies, @allergy::text), updated_at = now()
WHERE id = @id AND NOT (@allergy::text = ANY (allergies));

-- name: RemovePetAllergy :exec
UPDATE pets
SET allergies = array_remove(allergies, $2::text), updated_at = now()
WHERE id = $1;

-- name: MarkPetDeceased :execrows
UPDATE pets
SET deceased_on = $2, updated_at = now()
WHERE id = $1 AND deceased_on IS NULL;

-- Moves pets to another owner (e.g. rehoming within a family).
-- name: TransferPets :execrows
UPDATE pets
SET client_id = @new_client_id, updated_at = now()
WHERE id = ANY (@pet_ids::bigint[])
  AND client_id = @old_client_id;

-- Merges a duplicate client into the surviving one.
-- name: MergeClients :one
WITH moved_pets AS (
    UPDATE pets SET client_id = @keep_id, updated_at = now()
    WHERE client_id = @drop_id
    RETURNING id
), moved_invoices AS (
    UPDATE invoices SET client_id = @keep_id, updated_at = now()
    WHERE client_id = @drop_id
    RETURNING id
), archived AS (
    UPDATE clients SET archived_at = now(),
                       notes = concat_ws(E'\n', notes, 'merged into client ' || @keep_id::bigint)
    WHERE id = @drop_id
    RETURNING id
)
SELECT (SELECT count(*) FROM moved_pets) AS pets_moved,
       (SELECT count(*) FROM moved_invoices) AS invoices_moved,
       (SELECT count(*) FROM archived) AS clients_archived;

-- Pets whose birthday is in the next N days.
-- name: ListUpcomingPetBirthdays :many
SELECT p.id, p.name, p.birth_date, c.email, c.first_name
FROM pets p
JOIN clients c ON c.id = p.client_id
WHERE c.clinic_id = $1
  AND p.deceased_on IS NULL
  AND p.birth_date IS NOT NULL
  AND (make_date(extract(year FROM current_date)::integer, extract(month FROM p.birth_date)::integer, 1)
       + (extract(day FROM p.birth_date)::integer - 1)) BETWEEN current_date AND current_date + $2::integer
ORDER BY extract(month FROM p.birth_date), extract(day FROM p.birth_date);

-- name: CountPetsBySpecies :many
SELECT p.species, count(*) AS pets, avg(p.weight_kg)::numeric(6,2) AS avg_weight_kg
FROM pets p
JOIN clients c ON c.id = p.client_id
WHERE c.clinic_id = $1 AND p.deceased_on IS NULL
GROUP BY p.species
ORDER BY pets DESC;

-- A client's profile with their pets as a JSON array.
-- name: GetClientProfile :one
SELECT c.id, c.first_name, c.last_name, c.email,
       COALESCE(jsonb_agg(jsonb_build_object(
           'id', p.public_id,
           'name', p.name,
           'species', p.species,
           'birth_date', p.birth_date
       ) ORDER BY p.name) FILTER (WHERE p.id IS NOT NULL), '[]'::jsonb) AS pets
FROM clients c
LEFT JOIN pets p ON p.client_id = c.id AND p.deceased_on IS NULL
WHERE c.id = $1
GROUP BY c.id;

-- name: DeleteClientsWithoutPets :execrows
DELETE FROM clients c
WHERE c.clinic_id = $1
  AND c.archived_at < now() - interval '2 years'
  AND NOT EXISTS (SELECT 1 FROM pets p WHERE p.client_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.client_id = c.id);
