-- Load for the benchmark suite (Wrk.java). Arguments: the requests file, the number of threads and the text whose
-- presence in the body makes a response a success; the environment variable YUXUN_WRK_RATE, if set, is the
-- offered rate in requests per second (else as fast as the connections go). Each line of the file is
-- "<path>\t<cookies>\t<user agent>" (cookies may be empty); thread n of N sends lines n, n + N, n + 2N, … in order,
-- starting again from its first line if the run outlasts them.
--
-- With a rate, each thread sends on a fixed timetable of rate / N requests per second: wrk asks delay() before
-- every request, a connection's first included, and a connection takes the next free slot of its thread's
-- timetable and waits for it, so the offered load does not follow the server's speed as long as some connection
-- is free when a slot comes. Latency is wrk's own, from sending a request to its response.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } yuxun_timespec;
int clock_gettime(int clock, yuxun_timespec *tp);
]]
local clock = ffi.new("yuxun_timespec")

local function millis()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1000000
end

local threads = {}
local counter = 0
local rate = tonumber(os.getenv("YUXUN_WRK_RATE") or "0")

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file, count = args[1], tonumber(args[2])
  marker = args[3]
  interval = rate > 0 and (1000 * count / rate) or 0
  slot, start = 0, nil
  requests, ok, refused, used = {}, 0, 0, 0
  local n = 0
  for line in io.lines(file) do
    if n % count == id then
      local path, cookies, agent = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      local headers = { ["User-Agent"] = agent }
      if cookies ~= "" then
        headers["Cookie"] = cookies
      end
      requests[#requests + 1] = wrk.format("GET", path, headers)
    end
    n = n + 1
  end
end

function request()
  used = used + 1
  return requests[((used - 1) % #requests) + 1]
end

-- wrk waits between requests only if the script has a delay function.
if rate > 0 then
  function delay()
    local now = millis()
    if start == nil then
      start = now
    end
    slot = slot + 1
    local wait = start + slot * interval - now
    if wait < 0 then
      return 0
    end
    return wait
  end
end

function response(status, headers, body)
  if status == 200 and body:find(marker, 1, true) then
    ok = ok + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_refused = total_refused + thread:get("refused")
  end
  io.write(string.format("YUXUN requests=%d duration_us=%d ok=%d refused=%d errors=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, total_ok, total_refused,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
