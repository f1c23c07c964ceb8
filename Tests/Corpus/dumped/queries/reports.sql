-- Pipeline summary by stage, in enum order.
-- name: PipelineByStage :many
SELECT stage, count(*) AS deals, sum(amount) AS total, avg(amount)::numeric(14, 2) AS average
FROM public.deals
WHERE currency = $1
GROUP BY stage
ORDER BY stage;

-- Every stage, including the empty ones (enum_range).
-- name: PipelineAllStages :many
SELECT s.stage, count(d.id) AS deals, coalesce(sum(d.amount), 0) AS total
FROM unnest(enum_range(NULL::public.deal_stage)) AS s(stage)
LEFT JOIN public.deals d ON d.stage = s.stage AND d.owner_id = $1
GROUP BY s.stage
ORDER BY s.stage;

-- Deals created per owner per month.
-- name: DealsPerOwnerPerMonth :many
SELECT u.full_name AS owner,
       date_trunc('month', d.created_at)::date AS month,
       count(*) AS deals,
       sum(d.amount) AS amount
FROM deals d
JOIN users u ON u.id = d.owner_id
WHERE d.created_at >= $1
GROUP BY u.full_name, date_trunc('month', d.created_at)
ORDER BY month, owner;

-- Win rate per owner over closed deals.
-- name: WinRateByOwner :many
SELECT d.owner_id,
       u.full_name,
       count(*) FILTER (WHERE d.stage = 'won') AS won,
       count(*) FILTER (WHERE d.stage = 'lost') AS lost,
       round(100.0 * count(*) FILTER (WHERE d.stage = 'won') / nullif(count(*), 0), 1) AS win_rate
FROM public.deals d
JOIN public.users u ON u.id = d.owner_id
WHERE d.stage IN ('won', 'lost') AND d.closed_at >= @since
GROUP BY d.owner_id, u.full_name
ORDER BY win_rate DESC NULLS LAST;

-- Weighted forecast per owner from the view.
-- name: ForecastByOwner :many
SELECT p.owner_id, u.full_name, sum(p.amount) AS pipeline, sum(p.weighted_amount) AS forecast
FROM public.open_pipeline p
JOIN public.users u ON u.id = p.owner_id
GROUP BY p.owner_id, u.full_name
ORDER BY forecast DESC;

-- Average days to close a won deal, per month of closing.
-- name: SalesCycleLength :many
SELECT date_trunc('month', closed_at)::date AS month,
       avg(EXTRACT(epoch FROM closed_at - created_at) / 86400)::numeric(8, 1) AS avg_days,
       count(*) AS won_deals
FROM deals
WHERE stage = 'won' AND closed_at IS NOT NULL
GROUP BY 1
ORDER BY 1;

-- Monthly won revenue with a running total and month-over-month growth.
-- name: WonRevenueTrend :many
SELECT month, revenue,
       sum(revenue) OVER (ORDER BY month) AS cumulative,
       revenue - lag(revenue) OVER (ORDER BY month) AS change
FROM (
    SELECT date_trunc('month', closed_at) AS month, sum(amount) AS revenue
    FROM public.deals
    WHERE stage = 'won'
    GROUP BY 1
) m
ORDER BY month;

-- Top companies by won revenue with their rank.
-- name: TopCompanies :many
SELECT c.id, c.name, sum(d.amount) AS revenue,
       dense_rank() OVER (ORDER BY sum(d.amount) DESC) AS rank
FROM public.companies c
JOIN public.deals d ON d.company_id = c.id AND d.stage = 'won'
GROUP BY c.id, c.name
ORDER BY revenue DESC
LIMIT $1;

-- Activity counts by kind per owner this week.
-- name: ActivityStatsThisWeek :many
SELECT owner_id,
       count(*) FILTER (WHERE kind = 'call') AS calls,
       count(*) FILTER (WHERE kind = 'email') AS emails,
       count(*) FILTER (WHERE kind = 'meeting') AS meetings,
       count(*) FILTER (WHERE done_at IS NOT NULL) AS completed
FROM public.activities
WHERE created_at >= date_trunc('week', now())
GROUP BY owner_id
ORDER BY owner_id;

-- Deals per stage per month (pivot-ready).
-- name: StageMonthMatrix :many
SELECT date_trunc('month', created_at)::date AS month, stage, count(*) AS deals
FROM deals
GROUP BY 1, 2
ORDER BY 1, 2;

-- Industry breakdown of won revenue.
-- name: RevenueByIndustry :many
SELECT coalesce(c.industry, 'unknown') AS industry, sum(d.amount) AS revenue, count(DISTINCT c.id) AS companies
FROM companies c
JOIN deals d ON d.company_id = c.id
WHERE d.stage = 'won' AND d.closed_at BETWEEN @from_date AND @to_date
GROUP BY 1
ORDER BY revenue DESC;

-- Conversion funnel: deals that reached at least each stage (by enum order).
-- name: Funnel :many
SELECT s.stage, count(d.id) AS reached
FROM unnest(enum_range('lead'::public.deal_stage, 'won'::public.deal_stage)) AS s(stage)
LEFT JOIN public.deals d ON d.stage >= s.stage AND d.stage <> 'lost'
GROUP BY s.stage
ORDER BY s.stage;

-- Owner leaderboard for the current quarter.
-- name: QuarterLeaderboard :many
SELECT u.id, u.full_name,
       coalesce(sum(d.amount) FILTER (WHERE d.stage = 'won'), 0) AS won,
       count(d.id) FILTER (WHERE d.stage NOT IN ('won', 'lost')) AS open_deals,
       row_number() OVER (ORDER BY coalesce(sum(d.amount) FILTER (WHERE d.stage = 'won'), 0) DESC) AS position
FROM public.users u
LEFT JOIN public.deals d ON d.owner_id = u.id AND d.created_at >= date_trunc('quarter', now())
WHERE u.active
GROUP BY u.id, u.full_name
ORDER BY position;
