-- Workload 4: one read endpoint, as a random user (or as the service role when BENCH_AS is
-- "service"); BENCH_PATH is the path and query.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")

local path = os.getenv("BENCH_PATH")
local as_service = os.getenv("BENCH_AS") == "service"

request = function()
  local token = as_service and service or random_user()[2]
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end
