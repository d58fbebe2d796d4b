-- wrk script: GET /api/v1/invoices/{key} for a random key of the list in $KEYS_FILE, with $API_KEY.
local keys = {}
for line in io.lines(os.getenv("KEYS_FILE")) do
  if #line > 0 then keys[#keys + 1] = line end
end
local auth = "Bearer " .. os.getenv("API_KEY")

request = function()
  return wrk.format("GET", "/api/v1/invoices/" .. keys[math.random(#keys)], { ["Authorization"] = auth })
end
