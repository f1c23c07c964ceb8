-- name: CreateCompany :one
INSERT INTO public.companies (name, domain, industry, employee_count, annual_revenue, owner_id)
VALUES ($1, lower($2), $3, $4, $5, $6)
RETURNING *;

-- name: GetCompany :one
SELECT * FROM public.companies WHERE id = $1;

-- name: GetCompanyByDomain :one
SELECT id, name, domain FROM companies WHERE domain = lower(@domain::text);

-- name: ListCompanies :many
SELECT id, name, domain, industry, employee_count
FROM companies
ORDER BY name
LIMIT $1 OFFSET $2;

-- Partial update: only the given fields change.
-- name: UpdateCompany :one
UPDATE public.companies
SET name = coalesce(sqlc.narg(name), name),
    industry = coalesce(sqlc.narg(industry), industry),
    employee_count = coalesce(sqlc.narg(employee_count), employee_count),
    annual_revenue = coalesce(sqlc.narg(annual_revenue), annual_revenue)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: DeleteCompany :exec
DELETE FROM public.companies WHERE id = $1;

-- name: SearchCompanies :many
SELECT id, name, domain
FROM companies
WHERE name ILIKE '%' || @q::text || '%' OR domain ILIKE '%' || @q::text || '%'
ORDER BY name
LIMIT 25;

-- Companies with their contact and open deal counts.
-- name: ListCompaniesWithCounts :many
SELECT c.id, c.name,
       count(DISTINCT ct.id) AS contacts,
       count(DISTINCT d.id) FILTER (WHERE d.stage NOT IN ('won', 'lost')) AS open_deals,
       coalesce(sum(d.amount) FILTER (WHERE d.stage = 'won'), 0) AS won_amount
FROM public.companies c
LEFT JOIN public.contacts ct ON ct.company_id = c.id
LEFT JOIN public.deals d ON d.company_id = c.id
WHERE c.owner_id = $1
GROUP BY c.id, c.name
ORDER BY won_amount DESC;

-- name: ReassignCompanies :execrows
UPDATE companies SET owner_id = @new_owner_id WHERE owner_id = @old_owner_id;

-- name: CreateContact :one
INSERT INTO public.contacts (company_id, first_name, last_name, email, phone, title, owner_id)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING *;

-- name: GetContact :one
SELECT * FROM contacts WHERE id = $1;

-- Contacts of a company with a display name.
-- name: ListContactsForCompany :many
SELECT id, first_name || ' ' || last_name AS full_name, email, phone, title
FROM public.contacts
WHERE company_id = $1
ORDER BY last_name, first_name;

-- Case-insensitive lookup matching the unique index on lower(email).
-- name: GetContactByEmail :one
SELECT c.*, co.name AS company_name
FROM contacts c
LEFT JOIN companies co ON co.id = c.company_id
WHERE lower(c.email) = lower(@email);

-- name: UpdateContactEmail :exec
UPDATE public.contacts SET email = $2 WHERE id = $1;

-- name: DeleteContact :exec
DELETE FROM contacts WHERE id = $1;

-- Contacts without any activity in the given number of days.
-- name: ListNeglectedContacts :many
SELECT c.id, c.first_name, c.last_name, max(a.created_at) AS last_activity
FROM public.contacts c
LEFT JOIN public.activities a ON a.contact_id = c.id
WHERE c.owner_id = @owner_id
GROUP BY c.id
HAVING max(a.created_at) IS NULL OR max(a.created_at) < now() - make_interval(days => @days::int)
ORDER BY last_activity NULLS FIRST;

-- Possible duplicate contacts: same name at the same company.
-- name: FindDuplicateContacts :many
SELECT company_id, lower(first_name) AS first_name, lower(last_name) AS last_name, array_agg(id ORDER BY id) AS ids
FROM contacts
GROUP BY company_id, lower(first_name), lower(last_name)
HAVING count(*) > 1;

-- name: CreateUser :one
INSERT INTO public.users (email, full_name) VALUES ($1, $2) RETURNING *;

-- name: ListActiveUsers :many
SELECT id, email, full_name FROM public.users WHERE active ORDER BY full_name;

-- name: DeactivateUser :exec
UPDATE users SET active = false WHERE id = $1;
