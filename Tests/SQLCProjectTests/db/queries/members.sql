-- name: addMember :one
INSERT INTO members (team_id, email, roles)
VALUES (@team_id, @email, @roles)
RETURNING *;

-- name: membersWithRole :many
SELECT * FROM members WHERE @role::member_role = ANY(roles) AND team_id = $1 ORDER BY email;

-- name: setMemberRoles :execrows
UPDATE members SET roles = @roles WHERE team_id = @team_id AND email = @email;
