-- wrk script: swipes through the API. Per request a random signed-in demo user (a line of
-- BENCH_TOKENS: an access token) swipes on a random demo user (a line of BENCH_TARGETS: an account id,
-- chosen among DISCOVERABLE profiles), LIKE with probability BENCH_LIKE_SHARE (0.7) else PASS.
-- done() prints "statuses 2xx <n> 404 <n> 409 <n> 429 <n> other <n>" summed over the threads.
local function lines(path)
  local t = {}
  for l in io.lines(path) do if #l > 0 then t[#t + 1] = l end end
  return t
end
local tokens = lines(os.getenv("BENCH_TOKENS"))
local targets = lines(os.getenv("BENCH_TARGETS"))
local like_share = tonumber(os.getenv("BENCH_LIKE_SHARE") or "0.7")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))

local threads = {}
function setup(thread) threads[#threads + 1] = thread end
function init(args) ok, nf, cf, lim, other = 0, 0, 0, 0, 0 end

request = function()
  local kind = math.random() < like_share and "LIKE" or "PASS"
  local body = '{"targetId":"' .. targets[math.random(#targets)] .. '","kind":"' .. kind .. '"}'
  return wrk.format("POST", "/api/v1/swipes",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }, body)
end

response = function(status, headers, body)
  if status < 300 then ok = ok + 1
  elseif status == 404 then nf = nf + 1
  elseif status == 409 then cf = cf + 1
  elseif status == 429 then lim = lim + 1
  else other = other + 1 end
end

done = function(summary, latency, requests)
  local s = { 0, 0, 0, 0, 0 }
  for _, t in ipairs(threads) do
    s[1] = s[1] + t:get("ok"); s[2] = s[2] + t:get("nf"); s[3] = s[3] + t:get("cf")
    s[4] = s[4] + t:get("lim"); s[5] = s[5] + t:get("other")
  end
  io.write(string.format("statuses 2xx %d 404 %d 409 %d 429 %d other %d\n", s[1], s[2], s[3], s[4], s[5]))
end
