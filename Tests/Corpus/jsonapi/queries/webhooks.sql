-- name: CreateWebhook :one
INSERT INTO webhooks (tenant_id, url, secret, event_types, headers, filter)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: ListWebhooks :many
SELECT id, url, event_types, active, headers
FROM webhooks
WHERE tenant_id = $1
ORDER BY id;

-- name: DisableWebhook :exec
UPDATE webhooks SET active = false WHERE id = $1 AND tenant_id = $2;

-- Sets a custom header on a webhook.
-- name: SetWebhookHeader :one
UPDATE webhooks
SET headers = jsonb_set(coalesce(headers, '{}'::jsonb), ARRAY[@name::text], to_jsonb(@value::text))
WHERE id = @id
RETURNING headers;

-- Webhooks that want an event: subscribed to its type and, when present, matching the filter.
-- name: MatchingWebhooks :many
SELECT w.id, w.url, w.secret, w.headers
FROM webhooks w
JOIN events e ON e.tenant_id = w.tenant_id
WHERE e.id = @event_id
  AND w.active
  AND (cardinality(w.event_types) = 0 OR e.type = ANY (w.event_types))
  AND (w.filter IS NULL OR e.payload @> w.filter);

-- Fans an event out to every matching webhook, skipping ones already queued.
-- name: EnqueueDeliveries :execrows
INSERT INTO webhook_deliveries (webhook_id, event_id, request_body, next_attempt_at)
SELECT w.id,
       e.id,
       jsonb_build_object('id', e.id, 'type', e.type, 'created', e.occurred_at, 'data', e.payload),
       now()
FROM events e
JOIN webhooks w ON w.tenant_id = e.tenant_id AND w.active
WHERE e.id = $1
  AND (cardinality(w.event_types) = 0 OR e.type = ANY (w.event_types))
ON CONFLICT (webhook_id, event_id) DO NOTHING;

-- Claims due deliveries for a worker.
-- name: ClaimDueDeliveries :many
UPDATE webhook_deliveries d
SET attempt = d.attempt + 1,
    next_attempt_at = now() + interval '5 minutes'
WHERE d.id IN (
    SELECT id FROM webhook_deliveries
    WHERE status = 'pending' AND next_attempt_at <= now()
    ORDER BY next_attempt_at
    LIMIT $1
    FOR UPDATE SKIP LOCKED
)
RETURNING d.id, d.webhook_id, d.attempt, d.request_body;

-- Records the outcome of a delivery attempt.
-- name: RecordDeliveryResult :exec
UPDATE webhook_deliveries
SET status = @status,
    response = jsonb_build_object('code', @code::int, 'body', left(@body::text, 2000), 'at', now()),
    next_attempt_at = CASE WHEN @status = 'pending'::delivery_status
                           THEN now() + make_interval(secs => power(2, attempt)::float8 * 30)
                           END
WHERE id = @id;

-- Gives up on deliveries after too many attempts.
-- name: AbandonDeliveries :execrows
UPDATE webhook_deliveries
SET status = 'abandoned', next_attempt_at = NULL
WHERE status = 'pending' AND attempt >= $1;

-- Delivery log of a webhook with the response code pulled out of the JSON.
-- name: ListDeliveries :many
SELECT d.id, d.event_id, d.status, d.attempt,
       (d.response ->> 'code')::int AS response_code,
       d.response -> 'body' AS response_body,
       d.created_at
FROM webhook_deliveries d
WHERE d.webhook_id = $1
ORDER BY d.created_at DESC
LIMIT $2 OFFSET $3;

-- Success rate per webhook for a tenant.
-- name: WebhookHealth :many
SELECT w.id,
       w.url,
       count(d.id) AS deliveries,
       count(d.id) FILTER (WHERE d.status = 'succeeded') AS succeeded,
       round(100.0 * count(d.id) FILTER (WHERE d.status = 'succeeded') / nullif(count(d.id), 0), 1) AS success_pct,
       jsonb_object_agg(coalesce(d.response ->> 'code', 'none'), 1) FILTER (WHERE d.id IS NOT NULL) AS codes_seen
FROM webhooks w
LEFT JOIN webhook_deliveries d ON d.webhook_id = w.id
WHERE w.tenant_id = $1
GROUP BY w.id, w.url
ORDER BY w.id;

-- Response codes histogram as a JSON array of objects.
-- name: ResponseCodeHistogram :one
SELECT jsonb_agg(jsonb_build_object('code', code, 'count', n) ORDER BY code) AS histogram
FROM (
    SELECT (response ->> 'code')::int AS code, count(*) AS n
    FROM webhook_deliveries
    WHERE webhook_id = $1 AND response IS NOT NULL
    GROUP BY 1
) s;

-- Full delivery with its webhook and event, nested as JSON.
-- name: GetDeliveryDetail :one
SELECT d.id,
       d.status,
       to_jsonb(w) - 'secret' AS webhook,
       to_jsonb(e.*) AS event,
       d.request_body,
       d.response
FROM webhook_deliveries d
JOIN webhooks w ON w.id = d.webhook_id
JOIN events e ON e.id = d.event_id
WHERE d.id = $1;

-- Retries failed deliveries of a webhook.
-- name: RetryFailedDeliveries :many
UPDATE webhook_deliveries
SET status = 'pending', next_attempt_at = now(), attempt = 0
WHERE webhook_id = $1 AND status IN ('failed', 'abandoned')
RETURNING id;

-- Purges old delivery logs.
-- name: PurgeDeliveries :execrows
DELETE FROM webhook_deliveries
WHERE created_at < now() - $1::interval AND status <> 'pending';
