#!/usr/bin/env bash
# Runs the review tests again on a shared PostgreSQL store: a throwaway cluster (initdb into a
# temporary folder, listening only on a Unix socket there), `safesar db init` on a template
# database, the reviewers' logins, then every selected test case of each test program in a
# database of its own made from the template (the fixtures' cases share references, and one
# case's state must not leak into the next test), two at a time. Stopped and deleted at the end.
# A missing PostgreSQL fails: CI installs it (scripts/install-deps.sh).
#
#   run_on_postgres.sh SAFESAR_BINARY TEST_PROGRAM TEST_SPEC [TEST_PROGRAM TEST_SPEC...]
#
# The server refuses to run as root (CI runs as root in a container): it then runs as the
# `postgres` account of the Debian package. The socket folder is open to every account, since
# one test runs the CLI as a second operating-system account (tests/os_accounts.hpp).
set -euo pipefail
safesar=$1
shift
if (($# < 2 || $# % 2)); then
  echo "usage: run_on_postgres.sh SAFESAR_BINARY TEST_PROGRAM TEST_SPEC [TEST_PROGRAM TEST_SPEC...]" >&2
  exit 2
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z $bindir || ! -x $bindir/initdb ]]; then
  echo "run_on_postgres: no PostgreSQL server (/usr/lib/postgresql/*/bin/initdb):" \
       "apt-get install postgresql" >&2
  exit 1
fi

work=$(mktemp -d /tmp/safesar-pg-XXXXXX)
chmod 0755 "$work"
as_server=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres > /dev/null 2>&1 || { echo "run_on_postgres: no postgres account" >&2; exit 1; }
  as_server=(runuser -u postgres --)
fi
mkdir -p "$work/data" "$work/socket" "$work/log"
chmod 0777 "$work/socket"
if [[ ${#as_server[@]} -gt 0 ]]; then chown postgres "$work/data" "$work/socket" "$work/log"; fi

stop() {
  "${as_server[@]}" "$bindir/pg_ctl" -D "$work/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

# Trust on the private socket only: a throwaway cluster, and each test names the login it
# reviews as. Durability is off: nothing here outlives the run.
"${as_server[@]}" "$bindir/initdb" -D "$work/data" -U safesar_super --auth=trust --no-locale \
  -E UTF8 --no-sync > "$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; exit 1; }
"${as_server[@]}" "$bindir/pg_ctl" -D "$work/data" -l "$work/log/server.log" -w -s \
  -o "-c listen_addresses='' -k $work/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" \
  start || { cat "$work/log/server.log" >&2; exit 1; }

export PGHOST=$work/socket
psql_admin() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -U safesar_super "$@"; }
psql_admin -d postgres -c "CREATE DATABASE safesar_template"
SAFESAR_DATABASE="host=$PGHOST dbname=safesar_template user=safesar_super" \
  "$safesar" db init > /dev/null

# Logins: the tests' named reviewers, the account running the tests (who the CLI acts as) and
# the second operating-system account of the two-account tests; one reviewer who may not sign
# off a perpetrator request; an administrator who may add teams (teams are roles, and roles are
# the cluster's: a team a test adds outlives the test's database).
me=$(id -un)
psql_admin -d postgres <<SQL
CREATE ROLE ruth LOGIN IN ROLE safesar_approver;
COMMENT ON ROLE ruth IS 'Ruth Adebayo';
CREATE ROLE tom LOGIN IN ROLE safesar_approver;
COMMENT ON ROLE tom IS 'Tom Okafor';
CREATE ROLE priya LOGIN IN ROLE safesar_approver;
COMMENT ON ROLE priya IS 'Priya Shah';
CREATE ROLE carl LOGIN IN ROLE safesar_reviewer;
COMMENT ON ROLE carl IS 'Carl Reviewer';
CREATE ROLE "safesar-test-b" LOGIN IN ROLE safesar_approver;
COMMENT ON ROLE "safesar-test-b" IS 'Tom Okafor';
CREATE ROLE "$me" LOGIN IN ROLE safesar_approver;
CREATE ROLE ada LOGIN CREATEROLE IN ROLE safesar_admin;
COMMENT ON ROLE ada IS 'Ada Administrator';
SQL

# Every selected test case, as "program<TAB>name".
cases=()
while (($#)); do
  program=$1 spec=$2
  shift 2
  mapfile -t names < <("$program" --list-test-names-only "$spec" | sed '/^$/d')
  if ((${#names[@]} == 0)); then
    echo "run_on_postgres: no test of $program matches $spec" >&2
    exit 1
  fi
  for name in "${names[@]}"; do cases+=("$program"$'\t'"$name"); done
done

# One test case: a database from the template, the test with SAFESAR_DATABASE pointing at it
# (no user: libpq takes the operating-system account's name, as a reviewer's desktop would).
# The name goes as a test spec with Catch2's special characters escaped; since Catch2 exits 0
# when nothing matched, a pass must say that exactly one test case ran.
run_one() {
  local index=$1 program=${2%%$'\t'*} name=${2#*$'\t'} db="t$1" spec
  spec=$(printf '%s' "$name" | sed 's/[][\\,"~*]/\\&/g')
  "$bindir/createdb" -U safesar_super -T safesar_template "$db"
  if SAFESAR_DATABASE="host=$PGHOST dbname=$db" \
     SAFESAR_TEST_DATABASE_ADMIN="host=$PGHOST dbname=$db user=safesar_super" \
     "$program" "$spec" > "$work/out$index" 2>&1 &&
     grep -qE '^All tests passed \(.* in 1 test case\)$' "$work/out$index"; then
    echo "passed: $name"
  else
    echo "FAILED: $name"
    cat "$work/out$index"
  fi
  "$bindir/dropdb" -U safesar_super "$db" || true
}
export -f run_one
export work bindir

start=$SECONDS
for i in "${!cases[@]}"; do printf '%s\0%s\0' "$i" "${cases[$i]}"; done |
  xargs -0 -n 2 -P 2 bash -c 'run_one "$@"' _ > "$work/results"
cat "$work/results"
passed=$(grep -c '^passed: ' "$work/results" || true)
failed=$(grep -c '^FAILED: ' "$work/results" || true)
echo "on PostgreSQL: $passed passed, $failed failed of ${#cases[@]} in $((SECONDS - start)) s"
[[ $failed -eq 0 && $passed -eq ${#cases[@]} ]]
