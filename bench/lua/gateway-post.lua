-- Workload 2: LiteLLM generic_api deliveries of 512 payloads each, as the ingest role. Every
-- payload gets a fresh litellm_call_id, so each one is a new row.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")

local template = '{"id":"chatcmpl-%s","litellm_call_id":"%s","call_type":"acompletion",'
    .. '"stream":false,"status":"success","custom_llm_provider":"openai",'
    .. '"model":"gpt-4o-mini","model_group":"gpt-4o-mini","response_cost":0.000183,'
    .. '"prompt_tokens":812,"completion_tokens":102,"total_tokens":914,'
    .. '"startTime":1733305200.125,"endTime":1733305201.875,"end_user":"user-%d",'
    .. '"cache_hit":false,"request_tags":["chat"],"metadata":{"user_api_key_alias":"web",'
    .. '"user_api_key_team_id":"team-7","requester_metadata":{"session_id":"s-%d"}},'
    .. '"messages":[{"role":"user","content":"hello"}],"response":{"object":"chat.completion"}}'

request = function()
  local payloads = {}
  for i = 1, 512 do
    local id = next_id()
    payloads[i] = string.format(template, id, id, i % 1000, i % 97)
  end
  return wrk.format("POST", "/api/v1/ingest/litellm", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. ingest}, "[" .. table.concat(payloads, ",") .. "]")
end
