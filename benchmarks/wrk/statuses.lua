-- Counts the answers by status (and 503s that carry Retry-After) across wrk's threads; prints them at the end.
-- Optional: WRK_HEADER="Name: value" adds one request header (for example a bearer token).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  retry_after = 0
  local header = os.getenv("WRK_HEADER")
  if header and header ~= "" then
    local name, value = header:match("^([^:]+):%s*(.*)$")
    wrk.headers[name] = value
  end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 503 and headers["Retry-After"] then
    retry_after = retry_after + 1
  end
end

function done(summary, latency, requests)
  local total, with_retry = {}, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do
      total[status] = (total[status] or 0) + n
    end
    with_retry = with_retry + thread:get("retry_after")
  end
  local line = {}
  for status, n in pairs(total) do
    table.insert(line, status .. "=" .. n)
  end
  table.sort(line)
  io.write("statuses: " .. table.concat(line, " ") .. " (503 with Retry-After: " .. with_retry .. ")\n")
  local e = summary.errors
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    e.connect, e.read, e.write, e.timeout))
end
