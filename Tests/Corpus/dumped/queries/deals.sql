-- name: CreateDeal :one
INSERT INTO public.deals (company_id, primary_contact_id, title, amount, currency, owner_id, expected_close)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING *;

-- name: GetDeal :one
SELECT d.*, c.name AS company_name
FROM public.deals d
JOIN public.companies c ON c.id = d.company_id
WHERE d.id = $1;

-- Moves a deal to another stage; the trigger sets stage_changed_at and closed_at.
-- name: MoveDealToStage :one
UPDATE public.deals
SET stage = $2
WHERE id = $1
RETURNING id, stage, stage_changed_at, closed_at;

-- name: UpdateDealAmount :exec
UPDATE deals SET amount = $2, probability = $3 WHERE id = $1;

-- name: DeleteDeal :exec
DELETE FROM public.deals WHERE id = $1;

-- Deals of an owner in the given stages.
-- name: ListDealsByStages :many
SELECT id, title, stage, amount, expected_close
FROM deals
WHERE owner_id = @owner_id AND stage = ANY (@stages::public.deal_stage[])
ORDER BY expected_close NULLS LAST, id;

-- name: ListDealsForCompany :many
SELECT id, title, stage, amount, currency, closed_at
FROM public.deals
WHERE company_id = $1
ORDER BY created_at DESC;

-- The open pipeline of an owner, from the view.
-- name: ListOpenPipeline :many
SELECT id, title, stage, amount, weighted_amount, company_name, expected_close
FROM public.open_pipeline
WHERE owner_id = $1
ORDER BY expected_close NULLS LAST;

-- Deals expected to close this month that are still open.
-- name: DealsClosingThisMonth :many
SELECT id, title, company_name, amount
FROM open_pipeline
WHERE expected_close >= date_trunc('month', current_date)::date
  AND expected_close < (date_trunc('month', current_date) + interval '1 month')::date
ORDER BY expected_close;

-- Deals stuck in a stage for longer than N days.
-- name: ListStaleDeals :many
SELECT id, title, stage, stage_changed_at, current_date - stage_changed_at::date AS days_in_stage
FROM public.deals
WHERE stage NOT IN ('won', 'lost')
  AND stage_changed_at < now() - make_interval(days => $1)
ORDER BY stage_changed_at;

-- name: CreateActivity :one
INSERT INTO public.activities (kind, subject, due_at, owner_id, contact_id, deal_id)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: CompleteActivity :exec
UPDATE activities SET done_at = now() WHERE id = $1 AND done_at IS NULL;

-- An owner's open activities, overdue first.
-- name: ListOpenActivities :many
SELECT a.id, a.kind, a.subject, a.due_at, a.due_at < now() AS overdue,
       c.first_name || ' ' || c.last_name AS contact_name,
       d.title AS deal_title
FROM public.activities a
LEFT JOIN public.contacts c ON c.id = a.contact_id
LEFT JOIN public.deals d ON d.id = a.deal_id
WHERE a.owner_id = $1 AND a.done_at IS NULL
ORDER BY a.due_at NULLS LAST;

-- Timeline of a deal: activities and notes merged.
-- name: DealTimeline :many
SELECT 'activity' AS entry_type, a.id, a.kind::text AS detail, a.subject AS body, a.created_at
FROM activities a
WHERE a.deal_id = $1
UNION ALL
SELECT 'note', n.id, CASE WHEN n.pinned THEN 'pinned' ELSE 'note' END, n.body, n.created_at
FROM notes n
WHERE n.deal_id = $1
ORDER BY created_at DESC;

-- name: AddNote :one
INSERT INTO public.notes (author_id, company_id, contact_id, deal_id, body)
VALUES ($1, $2, $3, $4, $5)
RETURNING id, created_at;

-- name: PinNote :exec
UPDATE notes SET pinned = true WHERE id = $1;

-- Notes attached to a company directly or through its contacts and deals.
-- name: ListCompanyNotes :many
SELECT n.id, n.body, n.pinned, n.created_at, u.full_name AS author
FROM public.notes n
JOIN public.users u ON u.id = n.author_id
WHERE n.company_id = @company_id
   OR n.contact_id IN (SELECT id FROM public.contacts WHERE company_id = @company_id)
   OR n.deal_id IN (SELECT id FROM public.deals WHERE company_id = @company_id)
ORDER BY n.pinned DESC, n.created_at DESC;

-- name: DeleteNote :exec
DELETE FROM public.notes WHERE id = $1 AND author_id = $2;
