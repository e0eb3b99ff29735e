-- POST /api/v1/consults/{id}/messages: a thread going back and forth. Every message moves its
-- consult on (the specialist's info_request: claimed -> info_requested; the GP's reply: back to
-- claimed), so the same message cannot be posted twice in a row. Each wrk thread therefore owns
-- its share of the consults (LOAD_IDS: "id:status,..." as they are now, read again before every
-- run because the last one stopped mid-thread; LOAD_THREADS threads), takes the one that waits
-- longest, posts what its state asks for, and puts it back when the answer (the consult's
-- summary) names its id and new state. wrk sends one request per connection at a time, so a
-- thread with at least as many consults as connections never runs out; a refused message loses
-- its consult, and when none are left the request goes to consult 0 and fails visibly.
-- LOAD_GP_TOKEN: the GP of the consults' practice; LOAD_SPECIALIST_TOKEN: the specialist who
-- claimed them. thread_index comes from report.lua's setup().
dofile("bench/load/report.lua")

local waiting = {}  -- consults ready for their next message, longest waiting first
local headers = {}

function init(args)
  local threads = tonumber(os.getenv("LOAD_THREADS"))
  local i = 0
  for id, status in string.gmatch(os.getenv("LOAD_IDS"), "(%d+):([a-z_]+)") do
    if i % threads == thread_index then table.insert(waiting, {id = id, status = status}) end
    i = i + 1
  end
  headers.gp = {["Content-Type"] = "application/json",
                ["Authorization"] = "Bearer " .. os.getenv("LOAD_GP_TOKEN")}
  headers.specialist = {["Content-Type"] = "application/json",
                        ["Authorization"] = "Bearer " .. os.getenv("LOAD_SPECIALIST_TOKEN")}
end

function request()
  local consult = table.remove(waiting, 1) or {id = "0", status = "claimed"}
  local path = "/api/v1/consults/" .. consult.id .. "/messages"
  if consult.status == "info_requested" then
    return wrk.format("POST", path, headers.gp, '{"kind":"reply","body":"Foto volgt vandaag."}')
  end
  return wrk.format("POST", path, headers.specialist,
                    '{"kind":"info_request","body":"Graag een foto van dichtbij."}')
end

function response(status, _, body)
  tally(status)
  local id, state = string.match(body, '^{"id":(%d+),.-"status":"([a-z_]+)"')
  if id and status < 300 then table.insert(waiting, {id = id, status = state}) end
end
