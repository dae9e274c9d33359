#!/usr/bin/env bash
# A throwaway Dovecot IMAP server for the mailbox-poller tests, living entirely under <dir>.
#   tests/scripts/dovecot.sh start <dir> <port>   -> prints "user password" of the test account on stdout
#   tests/scripts/dovecot.sh stop  <dir>
# Plain IMAP on 127.0.0.1:<port> only, no TLS, one passwd-file user, Maildir under <dir>/mail.
# Written for Debian 12's Dovecot 2.3 (package dovecot-imapd); runs as the current user, or as root with mail
# delivered as the 'mail' user, since Dovecot refuses to access mail as uid 0.
set -euo pipefail

usage() { echo "usage: $0 start <dir> <port> | stop <dir>" >&2; exit 2; }
[ $# -ge 2 ] || usage
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
user=vigil
password=vigil-test-password

stop() {
  local pid
  pid=$(cat "$dir/run/master.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
}

start() {
  local port=$1 version cleartext uid gid
  command -v dovecot >/dev/null 2>&1 || { echo "dovecot is not installed (Debian: dovecot-imapd)" >&2; exit 1; }
  version=$(dovecot --version | cut -d' ' -f1)
  case "$version" in
    2.3.*) cleartext="disable_plaintext_auth = no" ;;
    *) cleartext="auth_allow_cleartext = yes" ;;
  esac
  mkdir -p "$dir/run" "$dir/state" "$dir/mail"
  if [ "$(id -u)" = "0" ]; then
    uid=$(id -u mail); gid=$(id -g mail)
    chown -R "$uid:$gid" "$dir/mail"
    internal=""
  else
    uid=$(id -u); gid=$(id -g)
    # Unprivileged, Dovecot's helper processes must run as us too: there is no one else to switch to.
    internal="default_internal_user = $(id -un)
default_internal_group = $(id -gn)
default_login_user = $(id -un)"
  fi
  printf '%s:{PLAIN}%s:%s:%s::%s\n' "$user" "$password" "$uid" "$gid" "$dir/mail/$user" >"$dir/users"
  cat >"$dir/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
ssl = no
$cleartext
auth_mechanisms = plain login
first_valid_uid = $uid
$internal
passdb {
  driver = passwd-file
  args = scheme=PLAIN $dir/users
}
userdb {
  driver = passwd-file
  args = $dir/users
}
mail_location = maildir:$dir/mail/%u
namespace inbox {
  inbox = yes
  separator = /
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
  dovecot -F -c "$dir/dovecot.conf" >>"$dir/dovecot.out" 2>&1 &
  for _ in $(seq 1 100); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
      echo "$user $password"
      return 0
    fi
    sleep 0.1
  done
  echo "dovecot did not start listening on 127.0.0.1:$port" >&2
  cat "$dir/dovecot.out" "$dir/dovecot.log" >&2 2>/dev/null || true
  stop
  exit 1
}

case "$action" in
  start) [ $# -eq 3 ] || usage; start "$3" ;;
  stop) stop ;;
  *) usage ;;
esac
