-- name: CreateDepot :one
INSERT INTO depots (code, name, address, country, latitude, longitude, timezone, capacity)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING *;

-- name: GetDepot :one
SELECT * FROM depots
WHERE id = $1;

-- name: GetDepotByCode :one
SELECT * FROM depots
WHERE code = upper(@code::text);

-- Active depots, alphabetically.
-- name: ListDepots :many
SELECT id, code, name, country, latitude, longitude, capacity
FROM depots
WHERE is_active
ORDER BY name;

-- Patches a depot; only the given fields change.
-- name: UpdateDepot :one
UPDATE depots
SET name      = COALESCE(sqlc.narg(name), name),
    address   = COALESCE(sqlc.narg(address), address),
    timezone  = COALESCE(sqlc.narg(timezone), timezone),
    capacity  = COALESCE(sqlc.narg(capacity), capacity),
    updated_at = now()
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: DeactivateDepot :execrows
UPDATE depots
SET is_active = false, updated_at = now()
WHERE id = $1 AND is_active;

-- Depots ordered by great-circle distance from a point, in kilometres.
-- name: ListNearestDepots :many
SELECT id, code, name,
       6371.0 * 2 * asin(sqrt(
           power(sin(radians(latitude - @lat::double precision) / 2), 2)
           + cos(radians(@lat::double precision)) * cos(radians(latitude))
             * power(sin(radians(longitude - @lng::double precision) / 2), 2)
       )) AS distance_km
FROM depots
WHERE is_active
ORDER BY distance_km
LIMIT @max_results::int;

-- Vehicle counts per status for each depot.
-- name: DepotFleetSummary :many
SELECT d.id, d.code, d.name,
       count(v.id) AS vehicles,
       count(v.id) FILTER (WHERE v.status = 'active') AS active,
       count(v.id) FILTER (WHERE v.status = 'in_maintenance') AS in_maintenance,
       COALESCE(sum(v.capacity_kg) FILTER (WHERE v.status = 'active'), 0)::numeric(12,2) AS active_capacity_kg
FROM depots d
LEFT JOIN vehicles v ON v.depot_id = d.id AND v.status <> 'retired'
GROUP BY d.id
ORDER BY d.code;

-- Depots that are over capacity (more non-retired vehicles than slots).
-- name: ListOvercrowdedDepots :many
SELECT d.id, d.code, d.capacity, count(*) AS vehicle_count
FROM depots d
JOIN vehicles v ON v.depot_id = d.id
WHERE v.status <> 'retired'
GROUP BY d.id, d.code, d.capacity
HAVING count(*) > d.capacity
ORDER BY count(*) - d.capacity DESC;

-- name: CreateVehicle :one
INSERT INTO vehicles (depot_id, plate_number, vin, make, model, model_year, capacity_kg, capacity_m3, fuel_tank_liters, features)
VALUES ($1, upper($2), $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING *;

-- name: GetVehicle :one
SELECT * FROM vehicles
WHERE id = $1;

-- name: GetVehicleByPlate :one
SELECT * FROM vehicles
WHERE plate_number = upper(@plate::text);

-- Vehicles of a depot with optional status and feature filters.
-- name: ListVehicles :many
SELECT * FROM vehicles
WHERE depot_id = sqlc.arg(depot_id)
  AND (sqlc.narg(status)::vehicle_status IS NULL OR status = sqlc.narg(status))
  AND (sqlc.narg(feature)::text IS NULL OR sqlc.narg(feature)::text = ANY (features))
  AND (sqlc.narg(min_capacity_kg)::numeric IS NULL OR capacity_kg >= sqlc.narg(min_capacity_kg))
ORDER BY plate_number;

-- Keyset pagination over all vehicles.
-- name: ListVehiclesAfter :many
SELECT id, depot_id, plate_number, make, model, status
FROM vehicles
WHERE id > $1
ORDER BY id
LIMIT $2;

-- Offset pagination for the admin table.
-- name: ListVehiclesPage :many
SELECT v.id, v.plate_number, v.make, v.model, v.status, d.code AS depot_code
FROM vehicles v
JOIN depots d ON d.id = v.depot_id
ORDER BY d.code, v.plate_number
LIMIT @page_size::int OFFSET @page_offset::int;

-- name: CountVehiclesByStatus :many
SELECT status, count(*) AS total
FROM vehicles
GROUP BY status
ORDER BY status;

-- name: SetVehicleStatus :one
UPDATE vehicles
SET status = @status::vehicle_status,
    retired_at = CASE WHEN @status::vehicle_status = 'retired' THEN now() ELSE NULL END,
    updated_at = now()
WHERE id = @id
RETURNING id, status, retired_at;

-- Only moves the odometer forward.
-- name: UpdateOdometer :execrows
UPDATE vehicles
SET odometer_km = $2, updated_at = now()
WHERE id = $1 AND odometer_km <= $2;

-- name: AddVehicleFeature :exec
UPDATE vehicles
SET features = array_append(features, @feature::text), updated_at = now()
WHERE id = @id AND NOT (@feature::text = ANY (features));

-- name: RemoveVehicleFeature :exec
UPDATE vehicles
SET features = array_remove(features, $2::text), updated_at = now()
WHERE id = $1;

-- Moves several vehicles to another depot.
-- name: TransferVehicles :execrows
UPDATE vehicles
SET depot_id = $1, updated_at = now()
WHERE id = ANY ($2::bigint[]) AND status <> 'retired';

-- name: GetVehiclesByIDs :many
SELECT * FROM vehicles
WHERE id = ANY (@ids::bigint[])
ORDER BY id;

-- Vehicles neither on a shift in the window nor in the shop.
-- name: ListAvailableVehicles :many
SELECT v.id, v.plate_number, v.capacity_kg, v.capacity_m3
FROM vehicles v
WHERE v.depot_id = @depot_id
  AND v.status = 'active'
  AND NOT EXISTS (
      SELECT 1 FROM driver_shifts s
      WHERE s.vehicle_id = v.id
        AND s.status IN ('scheduled', 'on_duty')
        AND s.planned_start < @window_end::timestamptz
        AND s.planned_end > @window_start::timestamptz
  )
ORDER BY v.capacity_kg DESC;

-- Age of each vehicle in years and its rank by odometer within the depot.
-- name: VehicleAgeReport :many
SELECT id, plate_number, depot_id,
       extract(year FROM age(current_date, acquired_on))::int AS age_years,
       odometer_km,
       rank() OVER (PARTITION BY depot_id ORDER BY odometer_km DESC) AS odometer_rank
FROM vehicles
WHERE status <> 'retired'
ORDER BY depot_id, odometer_rank;

-- name: DeleteRetiredVehiclesBefore :execrows
DELETE FROM vehicles
WHERE status = 'retired' AND retired_at < $1;

-- Maintenance plans: insert or change the interval.
-- name: UpsertMaintenanceSchedule :one
INSERT INTO maintenance_schedules (vehicle_id, kind, interval_km, interval_period, notes)
VALUES (@vehicle_id, @kind, @interval_km, @interval_period, @notes)
ON CONFLICT (vehicle_id, kind) DO UPDATE
SET interval_km = EXCLUDED.interval_km,
    interval_period = EXCLUDED.interval_period,
    notes = COALESCE(EXCLUDED.notes, maintenance_schedules.notes)
RETURNING *;

-- name: ListMaintenanceSchedules :many
SELECT * FROM maintenance_schedules
WHERE vehicle_id = $1
ORDER BY kind;

-- Schedules due by distance or by time, with how overdue they are.
-- name: ListDueMaintenance :many
SELECT v.id AS vehicle_id, v.plate_number, m.kind,
       v.odometer_km - COALESCE(m.last_done_km, 0) AS km_since,
       now() - m.last_done_at AS time_since,
       CASE
           WHEN m.interval_km IS NOT NULL AND v.odometer_km - COALESCE(m.last_done_km, 0) >= m.interval_km THEN 'distance'
           WHEN m.interval_period IS NOT NULL AND (m.last_done_at IS NULL OR m.last_done_at + m.interval_period <= now()) THEN 'time'
           ELSE 'soon'
       END AS reason
FROM maintenance_schedules m
JOIN vehicles v ON v.id = m.vehicle_id
WHERE v.depot_id = $1
  AND v.status IN ('active', 'in_maintenance')
  AND (
      (m.interval_km IS NOT NULL AND v.odometer_km - COALESCE(m.last_done_km, 0) >= m.interval_km - $2::int)
      OR (m.interval_period IS NOT NULL AND (m.last_done_at IS NULL OR m.last_done_at + m.interval_period <= now() + $3::interval))
  )
ORDER BY v.plate_number, m.kind;

-- Records maintenance and advances the matching schedule in one statement.
-- name: RecordMaintenance :one
WITH rec AS (
    INSERT INTO maintenance_records (vehicle_id, kind, performed_at, odometer_km, cost, vendor, notes, parts)
    VALUES (@vehicle_id, @kind, @performed_at, @odometer_km, @cost, @vendor, @notes, @parts)
    RETURNING *
), sched AS (
    UPDATE maintenance_schedules m
    SET last_done_at = rec.performed_at, last_done_km = rec.odometer_km
    FROM rec
    WHERE m.vehicle_id = rec.vehicle_id AND m.kind = rec.kind
    RETURNING m.id
)
SELECT rec.id, rec.performed_at, (SELECT count(*) FROM sched) AS schedules_updated
FROM rec;

-- name: ListMaintenanceRecords :many
SELECT id, kind, performed_at, odometer_km, cost, vendor, notes
FROM maintenance_records
WHERE vehicle_id = $1
  AND performed_at < $2
ORDER BY performed_at DESC
LIMIT $3;

-- Maintenance spend per vehicle and month with a running total.
-- name: MaintenanceCostByMonth :many
SELECT vehicle_id,
       date_trunc('month', performed_at)::date AS month,
       sum(cost) AS month_cost,
       sum(sum(cost)) OVER (PARTITION BY vehicle_id ORDER BY date_trunc('month', performed_at)
                            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_cost
FROM maintenance_records
WHERE performed_at >= $1
GROUP BY vehicle_id, date_trunc('month', performed_at)
ORDER BY vehicle_id, month;

-- Parts used in maintenance, flattened from the JSON array.
-- name: ListMaintenanceParts :many
SELECT r.id AS record_id,
       p ->> 'sku' AS sku,
       (p ->> 'qty')::int AS quantity,
       (p ->> 'unit_price')::numeric(10,2) AS unit_price
FROM maintenance_records r
CROSS JOIN LATERAL jsonb_array_elements(r.parts) AS p
WHERE r.vehicle_id = $1
ORDER BY r.performed_at DESC, sku;

-- name: DeleteMaintenanceSchedule :exec
DELETE FROM maintenance_schedules
WHERE vehicle_id = $1 AND kind = $2;
