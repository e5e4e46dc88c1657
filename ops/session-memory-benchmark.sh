#!/usr/bin/env bash
# Session-memory benchmark (README, "Benchmark"): starts the production jar with the demo learner on a scratch H2
# database, opens SESSIONS learner sessions the way a browser does (ops/SessionMemoryBenchmark.java: login page, log
# in, course page, a lesson, a knowledge check; full page loads with Vaadin's UI-close beacon), and prints the live
# heap after a full GC per session, compared with before the sessions, and the 15 classes that grew most.
# Asserts nothing: it prints figures.
#
#   ops/session-memory-benchmark.sh            uses target/compassion-course-*.jar, building it (-Pproduction) if missing
#   ops/session-memory-benchmark.sh --build    rebuilds the production jar first
#
# Settings (environment variables, defaults in brackets):
#   SESSIONS [500]  THREADS [4] (sessions opened at once)  PORT [38080]  MANAGEMENT_PORT [38081]
#   JVM_FLAGS [-Xmx1g]
set -euo pipefail
cd "$(dirname "$0")/.."

SESSIONS=${SESSIONS:-500}
THREADS=${THREADS:-4}
PORT=${PORT:-38080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-38081}
read -r -a JVM_FLAGS <<< "${JVM_FLAGS:--Xmx1g}"

fail() { echo "session-memory-benchmark: $*" >&2; exit 1; }
command -v curl >/dev/null || fail "curl is not installed."
# the same JDK 21+ the Maven Wrapper finds, and the production jar
. ops/production-jar.sh

if [ "${1-}" = "--build" ]; then JAR=$(production_jar build); else JAR=$(production_jar); fi

for port in "$PORT" "$MANAGEMENT_PORT"; do
  ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" || fail "port $port is in use: stop what runs there, or set PORT, MANAGEMENT_PORT"
done

WORK=$(mktemp -d /tmp/session-memory-benchmark.XXXXXX)
PID=
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# the demo profile creates the learner the sessions log in as (learner@example.org); the jar is in production mode
"$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
    --management.server.port="$MANAGEMENT_PORT" --course.data-dir="$WORK/data" --course.content-dir=course-content \
    > "$WORK/app.log" 2>&1 &
PID=$!
echo "Starting $JAR (pid $PID, port $PORT, ${JVM_FLAGS[*]})..."
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" = 200 ]; do
  kill -0 "$PID" 2>/dev/null || { tail -30 "$WORK/app.log" >&2; fail "the app died while starting"; }
  sleep 0.5
done
"$JAVA" ops/SessionMemoryBenchmark.java "http://127.0.0.1:$PORT" "$PID" "$SESSIONS" "$THREADS"
