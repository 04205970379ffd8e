# shellcheck shell=bash disable=SC2034  # variables used by the scripts that source this
# Shared helpers for the scripts in deploy/local/. Source it; do not run it.
#
# Everything lives in the git-ignored folder .local/ at the repository root:
#   .local/postgres/data      PostgreSQL 15 cluster (owned by the postgres OS user)
#   .local/postgres/run       its unix socket (mode 0700: only postgres/root may connect)
#   .local/rabbitmq/          RabbitMQ node rabbit@localhost (owned by the rabbitmq OS user):
#                             home/.erlang.cookie, mnesia/, log/, rabbitmq.conf, definitions.json
#   .local/mail/              received mails, <timestamp>-<n>.eml (see smtp_sink.py)
#   .local/logs/              postgres.log, smtp.log, oidc.log, <service>.log (rabbitmq -> ../rabbitmq/log)
#   .local/run/               pid files (smtp.pid, oidc.pid, <service>.pid, <service>.supervisor.pid)
#
# If the postgres/rabbitmq OS users cannot reach the repository (e.g. a clone below /root,
# which is mode 0700), .local/postgres and .local/rabbitmq become symlinks to
# /var/lib/pumpurs-local/<hash-of-repo-path>/..., and the servers are given the real paths.
#
# All credentials here are DEV-ONLY, for a loopback-only local setup. Never reuse them.

# Resolve the repository root from this file's location, never from the caller's CWD.
PUMPURS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
PUMPURS_DEPLOY="$PUMPURS_ROOT/deploy/local"
PUMPURS_LOCAL="$PUMPURS_ROOT/.local"
PUMPURS_LOGS="$PUMPURS_LOCAL/logs"
PUMPURS_RUN="$PUMPURS_LOCAL/run"
PUMPURS_MAIL="$PUMPURS_LOCAL/mail"

# Everything these scripts start runs in development mode: the services trust the development
# key pair and issuer, and `pumpurs token` / `pumpurs demo` may sign with it. Outside these
# scripts the default is production (JWKS only, no development issuer, no token minting).
export PUMPURS_MODE=development

PG_PORT="${PUMPURS_PG_PORT:-5432}"
AMQP_PORT="${PUMPURS_AMQP_PORT:-5672}"
SMTP_PORT="${PUMPURS_SMTP_PORT:-1025}"
OIDC_PORT="${PUMPURS_OIDC_PORT:-9400}"
# The node name must be unique per machine: rabbit@localhost on the default port, else
# rabbit-<port>@localhost (so a second checkout on other ports can run beside this one).
if [[ "$AMQP_PORT" == 5672 ]]; then RMQ_NODE="rabbit@localhost"; else RMQ_NODE="rabbit-$AMQP_PORT@localhost"; fi
RMQ_LIB="/usr/lib/rabbitmq/bin"

# DEV-ONLY credentials (loopback only).
PG_ADMIN_USER="pumpurs_admin"
PG_ADMIN_PASSWORD="pumpurs_admin"
PG_DATABASE="pumpurs"
AMQP_USER="pumpurs"
AMQP_PASSWORD="pumpurs"
AMQP_VHOST="pumpurs"

APT_PACKAGES=(rabbitmq-server postgresql postgresql-15 python3-aiosmtpd librabbitmq-dev
  libpq-dev libcurl4-openssl-dev pkg-config python3-pip python3-yaml curl openssl)

# The OpenID Connect provider for local sign-in (a mock: any subject may sign in). Pinned.
OIDC_PIP_PACKAGE="oidc-provider-mock==0.3.4"

# ---------------------------------------------------------------- messages

if [[ -t 1 ]]; then _C_B=$'\e[1m'; _C_R=$'\e[31m'; _C_Y=$'\e[33m'; _C_0=$'\e[0m'
else _C_B=""; _C_R=""; _C_Y=""; _C_0=""; fi

info() { printf '%s==>%s %s\n' "$_C_B" "$_C_0" "$*"; }
warn() { printf '%swarning:%s %s\n' "$_C_Y" "$_C_0" "$*" >&2; }
die() { printf '%serror:%s %s\n' "$_C_R" "$_C_0" "$*" >&2; exit 1; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Run a command as another OS user (when we are root); otherwise run it as ourselves.
as_user() {
  local user="$1"; shift
  if is_root && [[ "$user" != root ]]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

# Seconds since the epoch with decimals, for timings.
now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------- processes and ports

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
pid_gone() { ! pid_alive "${1:-}"; }

read_pid() { # read_pid FILE -> first line if it is a number
  local f="$1" p=""
  [[ -r "$f" ]] || return 1
  IFS= read -r p <"$f" || true
  [[ "$p" =~ ^[0-9]+$ ]] || return 1
  printf '%s\n' "$p"
}

cmdline_of() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }

# port_open PORT: something accepts TCP connections on 127.0.0.1:PORT
port_open() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# wait_for DESCRIPTION TIMEOUT_S COMMAND...: poll every 0.2 s
wait_for() {
  local what="$1" t="$2"; shift 2
  local deadline=$((SECONDS + t))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      warn "timed out after ${t}s waiting for $what"
      return 1
    fi
    sleep 0.2
  done
}

# Who listens on a TCP port (best effort, for error messages), with a hint when it is the
# local infra of another checkout.
port_owner() {
  local line pid dir
  command -v ss >/dev/null 2>&1 || return 0
  line="$(ss -ltnpH "sport = :$1" 2>/dev/null | head -n 1)"
  printf '%s' "$line"
  pid="$(sed -n 's/.*pid=\([0-9]*\).*/\1/p' <<<"$line")"
  [[ -n "$pid" ]] || return 0
  dir="$(readlink "/proc/$pid/cwd" 2>/dev/null || true)"
  if [[ "$dir" == */.local/* ]]; then
    printf ' -- it looks like the local infra of another checkout (%s): stop it with %s/deploy/local/infra down, or use other ports' \
      "${dir%%/.local/*}" "${dir%%/.local/*}"
  fi
}

# ---------------------------------------------------------------- folders

ensure_local_dirs() {
  mkdir -p "$PUMPURS_LOCAL" "$PUMPURS_LOGS" "$PUMPURS_RUN" "$PUMPURS_MAIL"
  chmod 755 "$PUMPURS_LOCAL" "$PUMPURS_LOGS" "$PUMPURS_RUN"
}

# Can OS user $1 reach (traverse) folder $2?
user_can_reach() {
  local user="$1" dir="$2"
  if ! is_root || [[ "$user" == root ]]; then return 0; fi
  runuser -u "$user" -- test -x "$dir" 2>/dev/null
}

external_base() {
  printf '/var/lib/pumpurs-local/%s\n' "$(printf '%s' "$PUMPURS_ROOT" | sha256sum | cut -c1-12)"
}

# service_home NAME OSUSER: make .local/NAME (or a symlinked folder outside the repo when
# OSUSER cannot reach the repo), owned by OSUSER; print its real path.
service_home() {
  local name="$1" user="$2" link="$PUMPURS_LOCAL/$1" target
  ensure_local_dirs
  if [[ ! -e "$link" ]]; then
    [[ -L "$link" ]] && rm -f "$link" # dangling symlink
    if user_can_reach "$user" "$PUMPURS_LOCAL"; then
      mkdir -p "$link"
    else
      target="$(external_base)/$name"
      mkdir -p "$target"
      chmod 755 "$(dirname "$target")" /var/lib/pumpurs-local
      ln -s "$target" "$link"
      warn "$user cannot reach $PUMPURS_ROOT; using $target (symlinked from .local/$name)"
    fi
  fi
  target="$(cd "$link" && pwd -P)"
  if is_root; then chown "$user:" "$target"; fi
  chmod 750 "$target"
  printf '%s\n' "$target"
}

# ---------------------------------------------------------------- tools

pg_bindir() {
  local d
  for d in /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)"; do
    if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then
      printf '%s\n' "$d"; return 0
    fi
  done
  return 1
}

# A python3 that can import aiosmtpd (Debian's /usr/bin/python3 first: pyenv's lacks it).
smtp_python() {
  local p
  for p in /usr/bin/python3 "$(command -v python3 || true)"; do
    if [[ -n "$p" && -x "$p" ]] && "$p" -c 'import aiosmtpd.controller' 2>/dev/null; then
      printf '%s\n' "$p"; return 0
    fi
  done
  return 1
}

# pip_install PACKAGE...: `python3 -m pip install` (the python3 on PATH), retried with
# --break-system-packages when the interpreter is Debian's externally managed one.
pip_install() {
  local log="${PUMPURS_LOGS:-/tmp}/pip.log"
  mkdir -p "$(dirname "$log")"
  local args=(-m pip install -q --disable-pip-version-check "$@")
  if ! python3 "${args[@]}" 2>"$log"; then
    if grep -q externally-managed "$log"; then
      python3 "${args[@]}" --break-system-packages
    else
      cat "$log" >&2
      return 1
    fi
  fi
}

# python_has VERSIONED...: every NAME==VERSION is installed for the python3 on PATH.
python_has() {
  python3 - "$@" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version, PackageNotFoundError
try:
    sys.exit(any(version(n) != v for n, v in (a.split("==", 1) for a in sys.argv[1:])))
except PackageNotFoundError:
    sys.exit(1)
PY
}

packages_missing() { # prints the missing apt packages, one per line
  local p status
  for p in "${APT_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)"
    [[ "$status" == installed ]] || printf '%s\n' "$p"
  done
}

# ---------------------------------------------------------------- URLs

# PostgreSQL is reached over its unix socket when the caller knows it (PUMPURS_DATABASE_HOST, a
# directory, percent-encoded into the URL's host as libpq reads it): the same machine, without
# the TCP loopback stack, which was ~20 % of PostgreSQL's CPU under the pipeline benchmark.
pg_url_host() {
  if [[ -n "${PUMPURS_DATABASE_HOST:-}" ]]; then printf '%s' "${PUMPURS_DATABASE_HOST//\//%2F}"; else printf '127.0.0.1'; fi
}
pg_admin_url() { printf 'postgres://%s:%s@%s:%s/%s\n' "$PG_ADMIN_USER" "$PG_ADMIN_PASSWORD" "$(pg_url_host)" "$PG_PORT" "$PG_DATABASE"; }
amqp_url() { printf 'amqp://%s:%s@127.0.0.1:%s/%s\n' "$AMQP_USER" "$AMQP_PASSWORD" "$AMQP_PORT" "$AMQP_VHOST"; }
smtp_url() { printf 'smtp://127.0.0.1:%s\n' "$SMTP_PORT"; }
# The provider names itself after the Host header of each request (discovery's "issuer" and the
# id tokens' "iss" alike): everyone (browser, portal, token calls) must use this one spelling.
oidc_issuer() { printf 'http://localhost:%s\n' "$OIDC_PORT"; }

# ---------------------------------------------------------------- services (deploy/local/run)

SERVICES_LIST="$PUMPURS_DEPLOY/services.list"

# Prints "<executable> <port> [KEY=VALUE ...]" for every service line (comments and blanks
# skipped).
# PUMPURS_PORT_OFFSET (default 0) moves every service's HTTP port by the same amount, so a second
# copy of the system (another checkout, with its own infra ports) can run beside the first.
PORT_OFFSET="${PUMPURS_PORT_OFFSET:-0}"
[[ "$PORT_OFFSET" =~ ^[0-9]+$ ]] || die "PUMPURS_PORT_OFFSET must be a whole number, not '$PORT_OFFSET'"

services() {
  [[ -r "$SERVICES_LIST" ]] || return 0
  local exe port rest
  while read -r exe port rest || [[ -n "${exe:-}" ]]; do
    [[ -z "${exe:-}" || "$exe" == \#* ]] && continue
    [[ "${port:-}" =~ ^[0-9]+$ ]] || die "services.list: bad port for $exe: '${port:-}'"
    printf '%s %s %s\n' "$exe" "$((port + PORT_OFFSET))" "${rest:-}"
  done <"$SERVICES_LIST"
}

# Where the services answer (with the offset): the portal, the demo and the browser tests read these.
export_service_urls() {
  export PUMPURS_INTAKE_URL="${PUMPURS_INTAKE_URL:-http://127.0.0.1:$((8080 + PORT_OFFSET))}"
  export PUMPURS_APPROVAL_URL="${PUMPURS_APPROVAL_URL:-http://127.0.0.1:$((8082 + PORT_OFFSET))}"
  export PUMPURS_TIMESHEETS_URL="${PUMPURS_TIMESHEETS_URL:-http://127.0.0.1:$((8083 + PORT_OFFSET))}"
  export PUMPURS_PAYOUTS_URL="${PUMPURS_PAYOUTS_URL:-http://127.0.0.1:$((8084 + PORT_OFFSET))}"
  export PUMPURS_REPORTING_URL="${PUMPURS_REPORTING_URL:-http://127.0.0.1:$((8086 + PORT_OFFSET))}"
  export PUMPURS_PORTAL_PORT="${PUMPURS_PORTAL_PORT:-$((8087 + PORT_OFFSET))}"
  export PUMPURS_PORTAL_URL="${PUMPURS_PORTAL_URL:-http://localhost:$PUMPURS_PORTAL_PORT}"
}

build_config() {
  case "${PUMPURS_BUILD:-debug}" in
    debug | release) printf '%s\n' "${PUMPURS_BUILD:-debug}" ;;
    *) die "PUMPURS_BUILD must be debug or release, not '${PUMPURS_BUILD}'" ;;
  esac
}

service_running() { # service_running NAME -> supervisor alive
  local p
  p="$(read_pid "$PUMPURS_RUN/$1.supervisor.pid")" && pid_alive "$p"
}
