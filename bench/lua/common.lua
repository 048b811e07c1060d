-- Shared by the benchmark's wrk scripts: tokens (generated per run) and a per-thread counter.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)")
dofile(os.getenv("BENCH_TOKENS") or (here .. "../../target/bench/tokens.lua"))

counter = 0
thread_tag = tostring(math.random(1, 1e9))

function next_id()
  counter = counter + 1
  return thread_tag .. "-" .. counter
end

function random_user()
  return users[math.random(1, #users)]
end
