-- name: createTeam :one
INSERT INTO teams (name, plan) VALUES ($1, @plan)
RETURNING *;

-- name: getTeamByName :one
SELECT * FROM teams WHERE name = $1;

-- Kept from the Go service's debugging days; sqlc skips statements without a name.
SELECT count(*) FROM teams;

-- name: listTeamsByPlans :many
SELECT * FROM teams
WHERE plan = ANY(sqlc.slice(plans)::team_plan[])
ORDER BY name;

-- name: listTeamsByIDs :many
SELECT id, name FROM teams WHERE id IN (sqlc.slice(ids)) ORDER BY id;

-- name: teamLeads :many
SELECT sqlc.embed(teams), sqlc.embed(members)
FROM teams
LEFT JOIN members ON members.team_id = teams.id AND 'lead' = ANY(members.roles)
ORDER BY teams.id, members.id;
