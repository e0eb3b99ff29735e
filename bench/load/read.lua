-- An authenticated GET of the URL given to wrk: the pool, inbox and outbox pages, opening a
-- consult, the dashboard. LOAD_TOKEN is the session token of the user whose page it is.
dofile("bench/load/report.lua")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("LOAD_TOKEN")
