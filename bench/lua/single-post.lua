-- Workload 3: one request log per POST, each as a random user.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")

request = function()
  local user = random_user()
  local body = '{"model":"gpt-4o","total_cost":0.0105,"additional_details":'
      .. '{"input_tokens":1200,"output_tokens":300,"session_id":"bench"}}'
  return wrk.format("POST", "/api/v1/request-logs", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. user[2]}, body)
end
