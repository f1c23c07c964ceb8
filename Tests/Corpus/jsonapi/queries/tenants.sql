-- name: CreateTenant :one
INSERT INTO tenants (name, settings)
VALUES ($1, $2)
RETURNING *;

-- name: GetTenant :one
SELECT * FROM tenants WHERE id = $1;

-- The tenant as a JSON document, for the admin API.
-- name: GetTenantJSON :one
SELECT to_jsonb(t) AS tenant
FROM tenants t
WHERE t.id = $1;

-- Reads one setting as text.
-- name: GetTenantSetting :one
SELECT settings ->> @key::text AS value
FROM tenants
WHERE id = @id;

-- Reads a nested setting by path, e.g. {notifications,email,enabled}.
-- name: GetTenantSettingPath :one
SELECT settings #>> @path::text[] AS value,
       settings #> @path::text[] AS raw
FROM tenants
WHERE id = @id;

-- Merges a partial settings document into the existing one (shallow).
-- name: MergeTenantSettings :one
UPDATE tenants
SET settings = settings || $2::jsonb
WHERE id = $1
RETURNING settings;

-- Sets one nested setting, creating missing keys.
-- name: SetTenantSetting :one
UPDATE tenants
SET settings = jsonb_set(settings, @path::text[], @value::jsonb, true)
WHERE id = @id
RETURNING settings;

-- Removes a top-level setting.
-- name: DeleteTenantSetting :exec
UPDATE tenants SET settings = settings - $2::text WHERE id = $1;

-- Removes a nested setting by path.
-- name: DeleteTenantSettingPath :exec
UPDATE tenants SET settings = settings #- $2::text[] WHERE id = $1;

-- Tenants that have a given setting key.
-- name: ListTenantsWithSetting :many
SELECT id, name FROM tenants WHERE settings ? $1 ORDER BY name;

-- Tenants that have any of the given keys.
-- name: ListTenantsWithAnySetting :many
SELECT id, name FROM tenants WHERE settings ?| $1::text[] ORDER BY name;

-- Tenants whose settings contain the given document.
-- name: ListTenantsMatching :many
SELECT id, name, settings
FROM tenants
WHERE settings @> sqlc.arg(filter)::jsonb
ORDER BY created_at;

-- Flattened settings, one row per top-level key.
-- name: ListTenantSettings :many
SELECT s.key, s.value, jsonb_typeof(s.value) AS kind
FROM tenants t, jsonb_each(t.settings) AS s
WHERE t.id = $1
ORDER BY s.key;

-- Settings as text pairs.
-- name: ListTenantSettingsText :many
SELECT key, value
FROM tenants, jsonb_each_text(settings)
WHERE tenants.id = $1;

-- Rate limit of a tenant, with a default.
-- name: GetRateLimit :one
SELECT coalesce((limits ->> 'requests_per_minute')::int, 60) AS requests_per_minute,
       (limits -> 'burst')::int AS burst
FROM tenants
WHERE id = $1;

-- name: ChangePlan :one
UPDATE tenants
SET plan = @plan,
    limits = limits || jsonb_build_object('requests_per_minute', @requests_per_minute::int, 'changed_at', now())
WHERE id = @id
RETURNING id, plan, limits;

-- Counts tenants per plan and per a settings flag.
-- name: TenantPlanBreakdown :many
SELECT plan,
       count(*) AS tenants,
       count(*) FILTER (WHERE (settings -> 'beta') = 'true'::jsonb) AS beta_tenants,
       jsonb_object_agg(name, limits) AS limits_by_tenant
FROM tenants
GROUP BY plan
ORDER BY plan;

-- A compact index of tenants: {id: name}.
-- name: TenantDirectory :one
SELECT coalesce(jsonb_object_agg(id, name), '{}'::jsonb) AS directory FROM tenants;

-- name: UpsertFeatureFlag :exec
INSERT INTO feature_flags (tenant_id, flag, rules)
VALUES ($1, $2, $3)
ON CONFLICT (tenant_id, flag) DO UPDATE SET rules = EXCLUDED.rules;

-- Flags of a tenant as one JSON object.
-- name: GetFeatureFlags :one
SELECT coalesce(jsonb_object_agg(flag, rules), '{}') AS flags
FROM feature_flags
WHERE tenant_id = $1;

-- Flags whose rules mention a given user id anywhere (jsonpath).
-- name: FlagsForUser :many
SELECT flag
FROM feature_flags
WHERE tenant_id = @tenant_id
  AND jsonb_path_exists(rules, '$[*] ? (@.user_ids[*] == $uid)', jsonb_build_object('uid', @user_id::text));

-- Adds a rule to the end of a flag's rules array.
-- name: AppendFlagRule :one
UPDATE feature_flags
SET rules = rules || jsonb_build_array($3::jsonb)
WHERE tenant_id = $1 AND flag = $2
RETURNING jsonb_array_length(rules) AS rule_count;
