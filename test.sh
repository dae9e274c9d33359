#!/usr/bin/env bash
# Runs every test Vigil has, on a fresh Debian machine or a developer's.
#  - installs what the tests need when it is missing (PostgreSQL from Debian's packages, when run as root);
#  - starts a throwaway PostgreSQL on a free loopback port and points the suites at it (VIGIL_TEST_POSTGRES);
#  - runs the whole solution's tests, stops what it started, and ends with the line CI reads:
#        tests: N passed, N failed
# Options: VIGIL_TEST_FILTER="<MTP filter args>" narrows the run (e.g. "--filter-class *Ledger*").
set -uo pipefail
cd "$(dirname "$0")"
root_dir=$(pwd)
run_dir=$(mktemp -d /tmp/vigil-test.XXXXXX)
chmod 755 "$run_dir"
log="$run_dir/test.log"
pg_started=""
imap_started=""
smtp_started=""

say() { printf '[test.sh] %s\n' "$*" >&2; }

as_root() { [ "$(id -u)" = "0" ]; }

finish() {
  local passed=$1 failed=$2 code=$3
  if [ -n "$pg_started" ]; then
    run_pg "$pg_bin/pg_ctl" -D "$run_dir/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -n "$imap_started" ]; then
    tests/scripts/dovecot.sh stop "$run_dir/imap" >/dev/null 2>&1 || true
  fi
  if [ -n "$smtp_started" ]; then
    tests/scripts/smtp.sh stop "$run_dir/smtp" >/dev/null 2>&1 || true
  fi
  rm -rf "$run_dir" 2>/dev/null || true
  echo "tests: ${passed} passed, ${failed} failed"
  exit "$code"
}

# PostgreSQL refuses to run as root; as root we run it as the 'postgres' user the Debian package creates.
run_pg() {
  if as_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# --- what the tests need -------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
  say "the .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK first"
  finish 0 1 1
fi

pg_bin=$(find_pg_bin)
if [ -z "$pg_bin" ]; then
  if as_root; then
    say "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    (apt-get update -qq && apt-get install -y -qq postgresql >/dev/null) || { say "apt-get install postgresql failed"; finish 0 1 1; }
    # The package starts a cluster on 5432; tests use their own throwaway server, so leave it be.
    pg_bin=$(find_pg_bin)
  else
    say "PostgreSQL is not installed and this is not root: install 'postgresql' (Debian) or run as root"
    finish 0 1 1
  fi
fi

# --- throwaway PostgreSQL on a free loopback port ----------------------------------------------------
free_port() { free_port_from 55432; }
free_port_from() {
  local port
  for port in $(seq "$1" $(($1 + 100))); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}
pg_port=$(free_port) || { say "no free loopback port for PostgreSQL"; finish 0 1 1; }
mkdir -p "$run_dir/pg"
as_root && chown -R postgres:postgres "$run_dir"
say "starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
if ! run_pg "$pg_bin/initdb" -D "$run_dir/pg" -A trust -U postgres -N -E UTF8 --locale=C >"$run_dir/initdb.log" 2>&1; then
  cat "$run_dir/initdb.log" >&2; finish 0 1 1
fi
# fsync off: this server lives for one test run; durability against a killed *Vigil* process does not depend on it.
if ! run_pg "$pg_bin/pg_ctl" -D "$run_dir/pg" -w -t 60 -l "$run_dir/pg.log" \
      -o "-p $pg_port -k $run_dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null; then
  cat "$run_dir/pg.log" >&2; finish 0 1 1
fi
pg_started=1
export VIGIL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

# --- throwaway Dovecot IMAP server for the mailbox poller (tests/scripts/dovecot.sh) -----------------
if ! command -v dovecot >/dev/null 2>&1 && as_root; then
  say "installing Dovecot IMAP from Debian's packages"
  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq dovecot-imapd >/dev/null) || say "apt-get install dovecot-imapd failed"
fi
if command -v dovecot >/dev/null 2>&1; then
  imap_port=$(free_port_from 55143) || { say "no free loopback port for Dovecot"; finish 0 1 1; }
  say "starting Dovecot on 127.0.0.1:$imap_port"
  if ! imap_account=$(tests/scripts/dovecot.sh start "$run_dir/imap" "$imap_port"); then finish 0 1 1; fi
  imap_started=1
  export VIGIL_TEST_IMAP="127.0.0.1:$imap_port" VIGIL_TEST_IMAP_USER="${imap_account% *}" VIGIL_TEST_IMAP_PASSWORD="${imap_account#* }"
else
  say "Dovecot is not installed (Debian: dovecot-imapd); the mailbox tests will fail unless VIGIL_SKIP_IMAP=1"
fi

# --- Debian's Chromium for the browser journeys (tests/Vigil.E2E.Tests); Playwright never downloads one ------
if [ ! -x /usr/bin/chromium ] && as_root; then
  say "installing Chromium from Debian's packages"
  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || say "apt-get install chromium failed"
fi
if [ -x /usr/bin/chromium ]; then
  export VIGIL_CHROMIUM=/usr/bin/chromium
else
  say "Chromium is not installed (Debian: chromium); the browser journeys will fail"
fi

# --- throwaway SMTP server for the SMTP connector (tests/scripts/smtp.sh, Debian's aiosmtpd) ----------
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 && as_root; then
  say "installing aiosmtpd (SMTP server) from Debian's packages"
  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq python3-aiosmtpd >/dev/null) || say "apt-get install python3-aiosmtpd failed"
fi
if /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  smtp_port=$(free_port_from 55025) || { say "no free loopback port for SMTP"; finish 0 1 1; }
  say "starting aiosmtpd on 127.0.0.1:$smtp_port"
  if ! smtp_account=$(tests/scripts/smtp.sh start "$run_dir/smtp" "$smtp_port"); then finish 0 1 1; fi
  smtp_started=1
  export VIGIL_TEST_SMTP="127.0.0.1:$smtp_port" VIGIL_TEST_SMTP_USER="${smtp_account% *}" VIGIL_TEST_SMTP_PASSWORD="${smtp_account#* }" \
    VIGIL_TEST_SMTP_MAILDIR="$run_dir/smtp/maildir"
else
  say "aiosmtpd is not installed (Debian: python3-aiosmtpd); the SMTP connector tests will fail unless VIGIL_SKIP_SMTP=1"
fi

# --- the suite ---------------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
say "building"
if ! dotnet build Vigil.slnx -v q -nologo >"$run_dir/build.log" 2>&1; then
  grep -E 'error|Error' "$run_dir/build.log" | sort -u | head -n 40 >&2
  say "build failed"
  finish 0 1 1
fi

say "running tests"
# shellcheck disable=SC2086
dotnet test --solution Vigil.slnx --no-build ${VIGIL_TEST_FILTER:-} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The Microsoft.Testing.Platform summary: "succeeded: N" / "failed: N" in the final "Test run summary".
passed=$(awk '/Test run summary/{s=1} s && /succeeded:/{print $2; exit}' "$log")
failed=$(awk '/Test run summary/{s=1} s && /failed:/{print $2; exit}' "$log")
passed=${passed:-0}
failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  say "the test run exited with $status without reporting a failed test (crash or build problem)"
  failed=1
fi
[ "$failed" -eq 0 ] && code=0 || code=1
finish "$passed" "$failed" "$code"
