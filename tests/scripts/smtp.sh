#!/usr/bin/env bash
# A throwaway SMTP server for the SMTP connector tests: Debian's python3-aiosmtpd on 127.0.0.1:<port>, requiring
# AUTH PLAIN/LOGIN (allowed without TLS: loopback only) and delivering every accepted message into <dir>/maildir.
#   tests/scripts/smtp.sh start <dir> <port>   -> prints "user password" of the test account on stdout
#   tests/scripts/smtp.sh stop  <dir>
set -euo pipefail

usage() { echo "usage: $0 start <dir> <port> | stop <dir>" >&2; exit 2; }
[ $# -ge 2 ] || usage
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
user=vigil
password=vigil-smtp-test-password
python=/usr/bin/python3

stop() {
  local pid
  pid=$(cat "$dir/smtp.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
}

start() {
  local port=$1
  "$python" -c 'import aiosmtpd' 2>/dev/null || { echo "aiosmtpd is not installed (Debian: python3-aiosmtpd)" >&2; exit 1; }
  mkdir -p "$dir/maildir/tmp" "$dir/maildir/new" "$dir/maildir/cur"
  cat >"$dir/server.py" <<PY
import asyncio, signal
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword

def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"$user" and auth_data.password == b"$password"
    return AuthResult(success=ok, handled=False)

controller = Controller(Mailbox("$dir/maildir"), hostname="127.0.0.1", port=$port,
                        authenticator=authenticate, auth_required=True, auth_require_tls=False)
controller.start()
signal.sigwait({signal.SIGTERM, signal.SIGINT})
controller.stop()
PY
  "$python" "$dir/server.py" >>"$dir/smtp.out" 2>&1 &
  echo $! >"$dir/smtp.pid"
  for _ in $(seq 1 100); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
      echo "$user $password"
      return 0
    fi
    sleep 0.1
  done
  echo "aiosmtpd did not start listening on 127.0.0.1:$port" >&2
  cat "$dir/smtp.out" >&2 2>/dev/null || true
  stop
  exit 1
}

case "$action" in
  start) [ $# -eq 3 ] || usage; start "$3" ;;
  stop) stop ;;
  *) usage ;;
esac
