#!/usr/bin/env bash
# Two Compassion Course nodes behind HAProxy on this machine, sharing one PostgreSQL database
# (README, "Running several nodes"). Ctrl+C stops everything: HAProxy first, then each node gracefully.
#
#   ops/run-cluster.sh            uses target/compassion-course-*.jar, building it (-Pproduction) if missing
#   ops/run-cluster.sh --build    rebuilds the production jar first
#
# Settings (environment variables, defaults in brackets):
#   DATABASE_HOST [127.0.0.1]  DATABASE_PORT [5432]  DATABASE_NAME [compassion_course]
#   DATABASE_USER [postgres]   DATABASE_PASSWORD []   (PGPASSWORD for psql is taken from it)
#   LB_PORT [8000]  STATS_PORT [8404]  NODE_PORTS ["8091 8092"]  MANAGEMENT_PORTS ["8191 8192"]
#   COURSE_PROFILES [postgres]  (add prod behind HTTPS: it marks the session cookie secure)
#   TRUSTED_PROXIES [127.0.0.1/32]  (where HAProxy connects from: the only source of X-Forwarded-For the nodes believe)
#   COURSE_CONTENT_DIR [./course-content]  LOG_DIR [./cluster-logs]  NODE_OPTS [-Xmx512m]
set -euo pipefail
cd "$(dirname "$0")/.."

DATABASE_HOST=${DATABASE_HOST:-127.0.0.1}
DATABASE_PORT=${DATABASE_PORT:-5432}
DATABASE_NAME=${DATABASE_NAME:-compassion_course}
DATABASE_USER=${DATABASE_USER:-postgres}
DATABASE_PASSWORD=${DATABASE_PASSWORD:-}
LB_PORT=${LB_PORT:-8000}
STATS_PORT=${STATS_PORT:-8404}
read -r -a NODE_PORTS <<< "${NODE_PORTS:-8091 8092}"
read -r -a MANAGEMENT_PORTS <<< "${MANAGEMENT_PORTS:-8191 8192}"
COURSE_PROFILES=${COURSE_PROFILES:-postgres}
COURSE_CONTENT_DIR=${COURSE_CONTENT_DIR:-./course-content}
LOG_DIR=${LOG_DIR:-./cluster-logs}
read -r -a NODE_OPTS <<< "${NODE_OPTS:--Xmx512m}"

fail() { echo "run-cluster: $*" >&2; exit 1; }

command -v haproxy >/dev/null || fail "HAProxy is not installed (Debian: apt-get install haproxy)."
command -v psql >/dev/null || fail "psql is not installed (Debian: apt-get install postgresql-client)."
command -v curl >/dev/null || fail "curl is not installed."
# the same JDK 21+ the Maven Wrapper finds, and the production jar
. ops/production-jar.sh

if [ "${1-}" = "--build" ]; then JAR=$(production_jar build); else JAR=$(production_jar); fi

# (a) the database, created if missing; each node's Flyway creates or updates the schema on start. Both nodes
# start at once on purpose: Flyway holds a PostgreSQL advisory lock while it migrates, so one migrates and the
# other waits, then finds the schema up to date.
export PGPASSWORD=$DATABASE_PASSWORD
psql_admin() { psql -h "$DATABASE_HOST" -p "$DATABASE_PORT" -U "$DATABASE_USER" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql_admin -c 'select 1' >/dev/null || fail "cannot reach PostgreSQL at $DATABASE_HOST:$DATABASE_PORT as $DATABASE_USER"
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$DATABASE_NAME'")" != 1 ]; then
  echo "Creating database $DATABASE_NAME"
  psql_admin -c "create database \"$DATABASE_NAME\""
fi

mkdir -p "$LOG_DIR"
PIDS=()
HAPROXY_PID=
stop_all() {
  trap - INT TERM EXIT
  echo
  # the load balancer first, so nobody is sent to a node that is stopping
  [ -n "$HAPROXY_PID" ] && kill "$HAPROXY_PID" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done   # graceful: requests in flight finish
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "Stopped. Logs are in $LOG_DIR/."
}
trap stop_all INT TERM EXIT

# (b) two nodes, application and management ports on loopback (only HAProxy is reached from outside). The nodes
# take the visitor's address from HAProxy's X-Forwarded-For (forward-headers-strategy=native), trusting it only from
# HAProxy on this host (TRUSTED_PROXIES; the app trusts no proxy by default), so login and registration limits count
# per visitor, not per proxy, and nobody can name their own address.
for i in "${!NODE_PORTS[@]}"; do
  n=$((i + 1))
  # Demo accounts (profiles without prod) are seeded by node1 only: DemoAccounts checks "no users yet" and then
  # inserts, so two nodes starting at once on an empty database both insert and the second fails to start.
  seed=()
  [ "$n" -eq 1 ] || seed=(--course.demo-accounts.enabled=false)
  "$JAVA" "${NODE_OPTS[@]}" -jar "$JAR" "${seed[@]}" \
      --spring.profiles.active="$COURSE_PROFILES" \
      --DATABASE_URL="jdbc:postgresql://$DATABASE_HOST:$DATABASE_PORT/$DATABASE_NAME" \
      --DATABASE_USER="$DATABASE_USER" --DATABASE_PASSWORD="$DATABASE_PASSWORD" \
      --course.content-dir="$COURSE_CONTENT_DIR" \
      --server.address=127.0.0.1 --server.port="${NODE_PORTS[$i]}" \
      --management.server.address=127.0.0.1 --management.server.port="${MANAGEMENT_PORTS[$i]}" \
      --server.forward-headers-strategy=native --TRUSTED_PROXIES="${TRUSTED_PROXIES:-127.0.0.1/32}" \
      > "$LOG_DIR/node$n.log" 2>&1 &
  PIDS+=($!)
  echo "node$n: pid $!, app 127.0.0.1:${NODE_PORTS[$i]}, health http://127.0.0.1:${MANAGEMENT_PORTS[$i]}/actuator/health/readiness, log $LOG_DIR/node$n.log"
done

echo "Waiting for both nodes to be ready..."
deadline=$((SECONDS + 300))
for i in "${!NODE_PORTS[@]}"; do
  until curl -fsS -o /dev/null "http://127.0.0.1:${MANAGEMENT_PORTS[$i]}/actuator/health/readiness" 2>/dev/null; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      tail -n 30 "$LOG_DIR/node$((i + 1)).log" >&2
      fail "node$((i + 1)) stopped while starting (its log is above)"
    fi
    [ $SECONDS -lt $deadline ] || fail "node$((i + 1)) was not ready within 5 minutes; see $LOG_DIR/node$((i + 1)).log"
    sleep 1
  done
done

# (c) HAProxy in the foreground of its own process (-db), with the shipped configuration
export COURSE_LB_BIND="0.0.0.0:$LB_PORT" COURSE_LB_STATS_BIND="127.0.0.1:$STATS_PORT"
export NODE1_ADDR="127.0.0.1:${NODE_PORTS[0]}" NODE1_MGMT_PORT="${MANAGEMENT_PORTS[0]}"
export NODE2_ADDR="127.0.0.1:${NODE_PORTS[1]}" NODE2_MGMT_PORT="${MANAGEMENT_PORTS[1]}"
haproxy -db -f ops/haproxy.cfg > "$LOG_DIR/haproxy.log" 2>&1 &
HAPROXY_PID=$!
sleep 1
kill -0 "$HAPROXY_PID" 2>/dev/null || { cat "$LOG_DIR/haproxy.log" >&2; HAPROXY_PID=; fail "HAProxy did not start"; }

# (d) where to go
cat <<INFO

Compassion Course is running on two nodes:  http://localhost:$LB_PORT/
HAProxy status (loopback only):             http://127.0.0.1:$STATS_PORT/
Try a failover: kill -9 ${PIDS[0]} (node1). HAProxy takes node1 out within about 2 s; learners who were on it log in
again on node2 and find their answers. Ctrl+C stops everything.
INFO
wait "$HAPROXY_PID"
