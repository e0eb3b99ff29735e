-- POST /api/v1/session: a log-in with username and password. The account has no second factor
-- (a TOTP code is accepted once per 30-second step, so it cannot be repeated under load): this
-- measures the password hash (Argon2id), the session row and the principal's lookup.
-- LOAD_USERNAME and LOAD_PASSWORD name the account.
dofile("bench/load/report.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"username":"%s","password":"%s"}',
                         os.getenv("LOAD_USERNAME"), os.getenv("LOAD_PASSWORD"))

function response(status)
  tally(status)  -- so that a 429 of the throttle is named as such
end
