#!/usr/bin/env bash
# `vigie run` starts, answers /healthz and /readyz, polls a feed it cannot
# reach without dying, and on SIGTERM stops cleanly within its bound.
# usage: run_sigterm_test.sh VIGIE_BINARY RULES_DIR
set -euo pipefail
vigie=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
rules=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'kill -9 "${pid:-}" 2>/dev/null || true; cat "$work/log" >&2; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$work/vigie.toml" <<TOML
[store]
path = "$work/vigie.db"
[rules]
dir = "$rules"
[server]
address = "127.0.0.1"
port = $port
shutdown_timeout_seconds = 5
[[notify.slack]]
name = "slack"
webhook_url_env = "VIGIE_TEST_WEBHOOK"
[[source]]
name = "unreachable"
url = "http://127.0.0.1:1/feed.xml"
interval_seconds = 1
TOML
export VIGIE_TEST_WEBHOOK="http://127.0.0.1:1/hooks/T0/B0/s3cr3t-token"
"$vigie" run --config "$work/vigie.toml" 2>"$work/log" &
pid=$!
for _ in $(seq 1 100); do
  if python3 - "$port" <<'PY' 2>/dev/null; then break; fi
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=1)
PY
  sleep 0.1
done
python3 - "$port" <<'PY'
import sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
assert urllib.request.urlopen(base + "/healthz", timeout=2).read() == b"ok\n"
assert urllib.request.urlopen(base + "/readyz", timeout=2).read() == b"ready\n"
PY
sleep 1.5  # let a poll fail
kill -TERM "$pid"
start=$(date +%s%N)
wait "$pid"
rc=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
pid=
echo "exit $rc after ${elapsed_ms} ms"
[ "$rc" -eq 0 ]
[ "$elapsed_ms" -lt 6000 ]
grep -q "source unreachable: connect" "$work/log"
grep -q "stopped" "$work/log"
if grep -q "s3cr3t" "$work/log"; then echo "secret leaked into the log" >&2; exit 1; fi
echo "ok"
