#!/usr/bin/env bash
# Gatling load test against the production jar:
#   ops/load-test.sh [h2|postgres] [users] [ramp-seconds] [hold-seconds] [think-seconds]     (defaults: h2 20 60 60 10)
#   users = learners in the app at once (closed model: ramp up over ramp-seconds, then held for hold-seconds)
#   builds the production jar, starts it with the loadtest profile on a fresh H2 file (or a fresh PostgreSQL database
#   load_<time> on 127.0.0.1:5432, user postgres), waits for readiness, runs the Gatling simulation (./mvnw -Pload),
#   reads the server's answer timer (course.quiz.answer) from /actuator/prometheus on the management port, prints one
#   table, stops the app (and drops the database) and prints the path of Gatling's HTML report.
# Environment: PORT (18080), MANAGEMENT_PORT (18081), SKIP_BUILD=1 (reuse target/compassion-course-*.jar),
#   APP_JAVA_OPTS (e.g. -Xmx1g). Needs python3 (the table) and, for postgres, psql.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:-h2}
USERS=${2:-20}
RAMP=${3:-60}
HOLD=${4:-60}
THINK=${5:-10}
PORT=${PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18081}
RUN=$(date +%Y%m%d-%H%M%S)
WORK=target/load-test/$RUN
mkdir -p "$WORK"
case "$DB" in h2|postgres) ;; *) echo "usage: $0 [h2|postgres] [users] [ramp-seconds] [hold-seconds] [think-seconds]" >&2; exit 2;; esac

fail() { echo "load-test: $*" >&2; exit 1; }
# the same JDK 21+ the Maven Wrapper finds, and the production jar
. ops/production-jar.sh
if [ "${SKIP_BUILD:-}" != 1 ]; then JAR=$(production_jar build); else JAR=$(production_jar); fi
JAVA_BIN=$JAVA

# every journey uses a fresh account (a learner who finishes is replaced by a new one): plenty of accounts
LEARNERS=$(( USERS * 6 > 2000 ? USERS * 6 : 2000 ))
ARGS=(--server.port="$PORT" --management.server.port="$MANAGEMENT_PORT" --management.server.address=127.0.0.1
      --course.loadtest.learners="$LEARNERS")
DBNAME=""
if [ "$DB" = postgres ]; then
  DBNAME=load_${RUN//-/_}
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DBNAME"
  ARGS+=(--spring.profiles.active=loadtest,postgres --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DBNAME"
         --spring.datasource.username=postgres --spring.datasource.password=)
else
  ARGS+=(--spring.profiles.active=loadtest --course.data-dir="$PWD/$WORK/data")
fi

echo "== starting $JAR ($DB, $LEARNERS load-test learners) on port $PORT; log: $WORK/app.log"
# shellcheck disable=SC2086
"$JAVA_BIN" ${APP_JAVA_OPTS:-} -jar "$JAR" "${ARGS[@]}" > "$WORK/app.log" 2>&1 &
APP_PID=$!
cleanup() {
  kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  if [ -n "$DBNAME" ]; then psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DBNAME" || true; fi
}
trap cleanup EXIT

for _ in $(seq 1 240); do
  if curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" > /dev/null; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app stopped; see $WORK/app.log" >&2; tail -20 "$WORK/app.log" >&2; exit 1; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" > /dev/null || { echo "not ready after 240 s" >&2; exit 1; }
echo "== ready; Gatling: up to $USERS learners at once (ramp ${RAMP}s, hold ${HOLD}s), think time ~${THINK}s"

./mvnw -q -Pload test-compile gatling:test -Dload.baseUrl="http://127.0.0.1:$PORT" -Dload.users="$USERS" \
  -Dload.rampSeconds="$RAMP" -Dload.holdSeconds="$HOLD" -Dload.thinkSeconds="$THINK" | tee "$WORK/gatling.log" | grep -v "^WARNING" || true

curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" > "$WORK/prometheus.txt" || echo "(no Prometheus scrape)" >&2
REPORT=$(ls -dt target/gatling/*/ 2>/dev/null | head -1)
python3 ops/load-test-report.py "$REPORT" "$WORK/prometheus.txt" | tee "$WORK/table.txt"
echo "== database: $DB; Gatling HTML report: ${REPORT}index.html; app log: $WORK/app.log"
