-- GET /api/books?page=N&size=20 over the first ten pages of the demo catalog.
request = function()
  return wrk.format("GET", "/api/books?page=" .. math.random(0, 9) .. "&size=20")
end
