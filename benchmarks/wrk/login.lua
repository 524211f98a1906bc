-- POST /api/auth/login with the demo customer (valid credentials: every request hashes once with Argon2id).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"customer@bookstore.test","password":"reading-is-fun-2026"}'
