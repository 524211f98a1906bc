# Sourced by the end-to-end scripts: named checks counted into one closing line, "<name>: N passed, N failed".
passed=0 failed=0

check() { # description, command...: passes when the command succeeds (its output is not shown)
  local description="$1"; shift
  if "$@" >/dev/null 2>&1; then
    passed=$((passed + 1)); echo "  ok    $description"
  else
    failed=$((failed + 1)); echo "  FAIL  $description"
  fi
}

finish() { # name: prints the closing line and exits non-zero when a check failed
  echo "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

mailed() { # mail-catcher-url address: the subject and text of every mail MailDev holds for the address
  curl -s "$1/email" | jq -r --arg to "$2" '.[] | select(.to[0].address == $to) | .subject, .text'
}

new_isbn() { # a random ISBN-13 with a valid check digit (978 prefix)
  local isbn sum=0 n digit
  isbn="978$(printf '%09d' $(( (RANDOM * 32768 + RANDOM) % 1000000000 )))"
  for n in $(seq 0 11); do digit=${isbn:$n:1}; sum=$(( sum + digit * (n % 2 == 0 ? 1 : 3) )); done
  echo "$isbn$(( (10 - sum % 10) % 10 ))"
}

create_book() { # base-url bearer-token isbn title headers-file: staff create a book; prints the answer's body
  curl -sk -D "$5" -H 'Content-Type: application/json' -H "Authorization: Bearer $2" \
    -d "{\"isbn\":\"$3\",\"title\":\"$4\",\"author\":\"Test Author\",\"description\":\"Made by an end-to-end test.\",\"genre\":\"Fiction\",\"publishedYear\":2026,\"price\":\"9.90\",\"currency\":\"EUR\",\"stock\":3}" \
    "$1/api/books"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

consistency_token() { # headers-file: the Consistency-Token header of a saved answer
  tr -d '\r' < "$1" | sed -n 's/^consistency-token: //Ip'
}

stack_up() { # name, ./bookstore up options...: the local stack up on this script's state and ports, down at exit
  # (and its folder removed: STACK_FOLDER when the state sits inside one)
  trap '"$ROOT/bookstore" down >/dev/null 2>&1 || true; rm -rf "${STACK_FOLDER:-$BOOKSTORE_HOME}"' EXIT
  if ! "$ROOT/bookstore" up --no-build "${@:2}"; then
    echo "  FAIL  ./bookstore up ${*:2}"; "$ROOT/bookstore" logs || true
    echo "$1: 0 passed, 1 failed"; exit 1
  fi
}
