-- wrk script: tills sending five-line sales (and a share of quotes) to loyalty serve.
--   wrk -t2 -c16 -d30s -s benchmarks/server/sales.lua http://127.0.0.1:8080 -- KEY [MEMBERS] [QUOTES]
-- KEY is a till key of store S01; MEMBERS (default 100000) members picked at random, each enrolled
-- by its first sale (the request carries the profile, which the server ignores for a stored
-- member); QUOTES (default 0) the share of requests that are quotes. Every sale has a new
-- transaction id (the run's start time, the wrk thread and a counter), so a rerun never repeats one.
-- Answers other than 200 are counted and printed at the end (wrk's "Non-2xx" line counts them too).

local threads = {}
local counter = 0

local shelf = {
  {"TS-010", "TOPS", "129.00", "129.00"}, {"TS-022", "TOPS", "199.00", "179.00"},
  {"KN-101", "KNITWEAR", "800.00", "720.00"}, {"KN-140", "KNITWEAR", "459.00", "459.00"},
  {"SC-005", "ACCESSORIES", "150.00", "120.00"}, {"SK-002", "SOCKS", "39.00", "39.00"},
  {"BG-050", "BAGS", "301.00", "301.00"}, {"CT-300", "COATS", "1299.00", "1099.00"},
  {"JN-200", "TROUSERS", "399.00", "359.00"}, {"SH-070", "SHOES", "699.00", "699.00"},
}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  key = args[1]
  members = tonumber(args[2] or "100000")
  quotes = tonumber(args[3] or "0")
  run = tostring(os.time())
  math.randomseed(os.time() * 97 + id)
  statuses = {}
end

local function lines()
  local picked, out = {}, {}
  while #out < 5 do
    local i = math.random(#shelf)
    if not picked[i] then
      picked[i] = true
      local s = shelf[i]
      table.insert(out, string.format('{"sku": "%s", "category": "%s", "quantity": %d,'
        .. ' "listPrice": "%s", "unitPrice": "%s"}', s[1], s[2], math.random(3), s[3], s[4]))
    end
  end
  return table.concat(out, ", ")
end

function request()
  counter = counter + 1
  local member = "M" .. math.random(members)
  local txn = "W" .. run .. "-" .. id .. "-" .. counter
  local quote = math.random() < quotes
  local body = string.format('{"contract": "loyalty/1", "type": "%s", "memberId": "%s",'
    .. ' "profile": {"id": "%s", "homeStore": "S01"}, "%s": {"id": "%s", "kind": "SALE",'
    .. ' "time": "2026-12-01T10:00:00+08:00", "storeId": "S01", "associateId": "A07",'
    .. ' "currency": "CNY", "lines": [%s]}}',
    quote and "quote" or "evaluate", member, member, quote and "sale" or "transaction", txn,
    lines())
  return wrk.format("POST", quote and "/v1/quote" or "/v1/evaluate",
    {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status ~= 200 then
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s: %.1f/s; latency p50 %.2f ms, p90 %.2f ms,"
    .. " p99 %.2f ms, max %.2f ms; errors %d\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
