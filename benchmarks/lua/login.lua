-- wrk script: password sign-ins of random demo users (demo-data), each from its own client address
-- (X-Forwarded-For, believed from loopback), so per-address and per-account limits do not bite.
local users = tonumber(os.getenv("DEMO_USERS") or "5000")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))

request = function()
  local n = math.random(1, users)
  local ip = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  local body = '{"email":"demo-' .. n .. '@example.invalid","password":"demo-password-123"}'
  return wrk.format("POST", "/api/v1/auth/login",
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip }, body)
end
