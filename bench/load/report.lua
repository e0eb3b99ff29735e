-- The figures of one wrk run as one line of JSON, for bench/load.sh to read (wrk's own text
-- rounds latencies and does not say which errors were which). Every other script here loads it.
--   LOAD_RESULT {"requests": ..., "seconds": ..., "rps": ..., "p50_ms": ..., "p99_ms": ...,
--                "socket_errors": ..., "status_errors": ..., "statuses": {"429": ...}}
-- A script that defines response() calls tally(status) in it, so that answers >= 400 are also
-- counted by status (a 429 of the log-in throttle then shows as such). Reads do not: asking wrk
-- for every response's body costs throughput that nginx would not pay.

local threads = {}
function setup(thread)
  thread:set("thread_index", #threads)  -- 0, 1, ...: lets a script split its work by thread
  table.insert(threads, thread)
end

statuses = {}  -- in each thread's own Lua state: answers >= 400 by status
function tally(status)
  if status >= 400 then statuses[status] = (statuses[status] or 0) + 1 end
end

local function statuses_json()
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses") or {}) do total[status] = (total[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(total) do table.insert(parts, string.format('"%d": %d', status, n)) end
  return "{" .. table.concat(parts, ", ") .. "}"
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'LOAD_RESULT {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p99_ms": %.3f, '
      .. '"socket_errors": %d, "status_errors": %d, "statuses": %s}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status, statuses_json()))
end
