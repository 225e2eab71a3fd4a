# Shared by bin/dev and bin/test: install dependencies, find or start PostgreSQL and Redis,
# generate local defaults. Sourced, not executed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="$ROOT/.baton"
mkdir -p "$STATE"
cd "$ROOT"

say() { printf '\033[1;34mbaton\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mbaton\033[0m %s\n' "$*" >&2; exit 1; }

as_root_apt() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $* with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

ensure_node_modules() {
  command -v node >/dev/null || die "Node.js 20 or newer is required (https://nodejs.org)."
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is required; this is $(node -v)."
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing dependencies"
    # `npm install` follows the lockfile like `npm ci`, but tolerates optional platform packages
    # (SWC, Tailwind's oxide) that a registry mirror lacks for other operating systems.
    npm install --no-audit --no-fund --loglevel=error
  fi
  # Regenerated whenever the schema changed since, so a pulled migration never meets a stale client.
  if [ ! -f server/db/generated/client.ts ] || [ prisma/schema.prisma -nt server/db/generated/client.ts ]; then
    node bin/prisma-generate.mjs >/dev/null
  fi
}

# Persistent generated defaults, so nothing has to be written by hand.
ensure_defaults() {
  local file="$STATE/defaults.env"
  local random='console.log(require("crypto").randomBytes(32).toString("hex"))'
  [ -f "$file" ] || : >"$file"
  # Each secret is generated once; older files gain the ones added since.
  grep -q '^BATON_SECRET=' "$file" || echo "BATON_SECRET=$(node -e "$random")" >>"$file"
  grep -q '^BATON_DAEMON_TOKEN=' "$file" || echo "BATON_DAEMON_TOKEN=$(node -e "$random")" >>"$file"
  set -a; . "$file"; set +a
}

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }; done
  command -v pg_ctl >/dev/null && dirname "$(command -v pg_ctl)"
}

# Runs a PostgreSQL tool as the postgres user when we are root (initdb and postgres refuse root).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$STATE/postgres" postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A PostgreSQL cluster of our own in data folder $1 on port $2 (defaults: .baton/postgres, 54329),
# created on first use and started unless running; prints its URL without a database.
start_local_postgres() {
  local data="${1:-$STATE/postgres}" port="${2:-54329}"
  local bin; bin=$(pg_bin) || true
  if [ -z "$bin" ]; then as_root_apt postgresql || die "PostgreSQL is not reachable and not installed. Install PostgreSQL 14+ or set DATABASE_URL."; bin=$(pg_bin); fi
  if [ ! -f "$data/PG_VERSION" ]; then
    say "initialising a local PostgreSQL in ${data#"$ROOT"/}"
    mkdir -p "$data"; [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --home-dir "$data" postgres; chown postgres "$data"; }
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust >/dev/null
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  echo "postgresql://postgres@127.0.0.1:$port"
}

# pg_ctl on the cluster in data folder $1 (e.g. `local_pg_ctl DIR restart -m fast`), as its owner.
local_pg_ctl() {
  local data="$1"; shift
  as_postgres "$(pg_bin)/pg_ctl" -D "$data" -l "$data/server.log" -w "$@" >/dev/null
}

# Sets DATABASE_URL to a reachable server and database $1. Without $1: the database DATABASE_URL
# names when its server is the one used, else "baton".
ensure_postgres() {
  local db="${1:-}" base=""
  # DATABASE_URL's server, reached through its own database or, while that does not exist yet,
  # through the server's postgres database.
  if [ -n "${DATABASE_URL:-}" ] && { node bin/lib/probe.mjs pg "$DATABASE_URL" || node bin/lib/probe.mjs pg "${DATABASE_URL%/*}/postgres"; }; then
    base="${DATABASE_URL%/*}"
    if [ -z "$db" ]; then
      case "$DATABASE_URL" in *://*/?*) db="${DATABASE_URL##*/}" db="${db%%\?*}" ;; esac
    fi
  elif node bin/lib/probe.mjs pg "postgresql://postgres@127.0.0.1:5432/postgres"; then
    base="postgresql://postgres@127.0.0.1:5432"
  else
    base=$(start_local_postgres)
  fi
  db="${db:-baton}"
  export DATABASE_URL="$base/$db"
  node bin/lib/probe.mjs ensure-db "$DATABASE_URL" || die "cannot create database $db on ${base}"
}

# A Redis of our own in data folder $1 on port $2 (defaults: .baton/redis, 63799), keeping an
# append-only file when $3 is "yes"; prints its URL once it answers.
start_local_redis() {
  command -v redis-server >/dev/null || as_root_apt redis-server || die "Redis is not reachable and not installed. Install Redis 6.2+ or set REDIS_URL."
  local dir="${1:-$STATE/redis}" port="${2:-63799}" aof="${3:-no}"
  mkdir -p "$dir"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --dir "$dir" \
    --save "" --appendonly "$aof" --logfile "$dir/redis.log" >/dev/null
  for _ in $(seq 50); do node bin/lib/probe.mjs redis "redis://127.0.0.1:$port" && break; sleep 0.1; done
  echo "redis://127.0.0.1:$port"
}

# run_command runs under bubblewrap; without it agents refuse commands unless allowed explicitly.
# slirp4netns gives a command allowed the network a network of its own, without the host's loopback;
# nsenter (util-linux) and ip (iproute2) fence off the host's other addresses and private networks in it.
ensure_bubblewrap() {
  { command -v slirp4netns && command -v nsenter && PATH="$PATH:/usr/sbin:/sbin" command -v ip; } >/dev/null ||
    as_root_apt slirp4netns util-linux iproute2 ||
    say "slirp4netns, nsenter or ip is missing: commands allowed the network will share the host's, loopback services included"
  command -v bwrap >/dev/null && return
  as_root_apt bubblewrap && return
  say "bubblewrap is not installed: agents will refuse run_command (install it, or set BATON_ALLOW_UNSANDBOXED_COMMANDS=1)"
  return 1
}

# Sets REDIS_URL to a reachable server.
ensure_redis() {
  if [ -n "${REDIS_URL:-}" ] && node bin/lib/probe.mjs redis "$REDIS_URL"; then return; fi
  if node bin/lib/probe.mjs redis "redis://127.0.0.1:6379"; then
    export REDIS_URL="redis://127.0.0.1:6379"
  else
    export REDIS_URL="$(start_local_redis)"
  fi
}
