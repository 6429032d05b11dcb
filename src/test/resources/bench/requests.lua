-- Load for the benchmark suite (Wrk.java). Arguments: the requests file, the number of threads, and the text
-- whose presence in the body makes a response a success. Each line of the file is
-- "<path>\t<cookies>\t<user agent>" (cookies may be empty); thread n of N sends lines n, n + N, n + 2N, … in
-- order, starting again from its first line if the run outlasts them.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file, count = args[1], tonumber(args[2])
  marker = args[3]
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
