-- name: ListAccounts :many
SELECT * FROM accounts
WHERE owner = @owner AND currency IN (@first_currency, @second_currency)
ORDER BY id
LIMIT @page_size OFFSET @page_offset;
