-- wrk script: the first page of the discovery feed (no cursor: a new feed session each request) for a
-- random signed-in demo user (a line of BENCH_TOKENS). done() prints
-- "feed p50_ms <x> p95_ms <x> p99_ms <x> 2xx <n> other <n>".
local tokens = {}
for l in io.lines(os.getenv("BENCH_TOKENS")) do if #l > 0 then tokens[#tokens + 1] = l end end
local limit = os.getenv("BENCH_FEED_LIMIT") or "20"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))

local threads = {}
function setup(thread) threads[#threads + 1] = thread end
function init(args) ok, other = 0, 0 end

request = function()
  return wrk.format("GET", "/api/v1/discovery/feed?limit=" .. limit,
    { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] })
end

response = function(status, headers, body)
  if status < 300 then ok = ok + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  local a, b = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("ok"); b = b + t:get("other") end
  io.write(string.format("feed p50_ms %.2f p95_ms %.2f p99_ms %.2f 2xx %d other %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, a, b))
end
