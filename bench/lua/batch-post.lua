-- Workload 1: batches of 1,000 request logs per POST, written by the service role for many
-- users. The body is built once per thread; rows carry no request_id, so every POST adds rows.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")

local rows = {}
for i = 1, 1000 do
  rows[i] = string.format('{"end_user":"user-%d","model":"gpt-4o-mini","total_cost":0.000183,'
      .. '"status":"success","additional_details":{"input_tokens":%d,"output_tokens":%d,'
      .. '"session_id":"s-%d"}}', i % 1000, 800 + i % 50, 100 + i % 30, i % 97)
end
local body = "[" .. table.concat(rows, ",") .. "]"

request = function()
  return wrk.format("POST", "/api/v1/request-logs", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. service}, body)
end
