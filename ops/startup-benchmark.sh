#!/usr/bin/env bash
# Start-up benchmark (README, "Benchmark"): our production jar against a hello-world Spring Boot + Vaadin jar on the
# same versions (benchmarks/hello-world), started alternately with the same JVM flags. For each start it measures the
# wall time from launching the JVM to the first page answered 200 with its whole body (ours: /login, the anchor: /),
# and the process's resident memory (VmRSS) at that moment. Prints every run and a table of medians and ratios.
# Asserts nothing: it prints figures.
#
#   ops/startup-benchmark.sh              builds both production jars, then 5 starts of each, plain and with an AOT cache
#   ops/startup-benchmark.sh --no-build   uses the jars already in target/ and benchmarks/hello-world/target/
#
# Settings (environment variables, defaults in brackets):
#   RUNS [5]  PORT [38080]  MANAGEMENT_PORT [38081]  HELLO_PORT [38090]
#   JVM_FLAGS [-Xmx512m]  (the same for both jars)
#   VARIANTS ["plain aot"]  plain: java -jar as built; aot: the jar extracted (java -Djarmode=tools extract) and
#            started with a JDK 25 AOT cache (-XX:AOTCache) from a training run (see prepare_aot). Each app gets its
#            own cache, made the same way.
#   TRAINING [first-page]  first-page or refresh: how the AOT training run ends (see prepare_aot)
#   PROFILES [prod]  the profiles our jar starts with (the H2 file database under a scratch folder, made once)
#   OURS_EXTRA []  more arguments for our jar only (see below)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PORT=${PORT:-38080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-38081}
HELLO_PORT=${HELLO_PORT:-38090}
read -r -a JVM_FLAGS <<< "${JVM_FLAGS:--Xmx512m}"
read -r -a VARIANTS <<< "${VARIANTS:-plain aot}"
PROFILES=${PROFILES:-prod}

fail() { echo "startup-benchmark: $*" >&2; exit 1; }
command -v curl >/dev/null || fail "curl is not installed."
# the same JDK 21+ the Maven Wrapper finds (the AOT cache needs 25+)
. ops/production-jar.sh

hello() { ls benchmarks/hello-world/target/hello-world-anchor-*.jar 2>/dev/null | head -n 1; }
if [ "${1-}" != "--no-build" ]; then
  OURS=$(production_jar build)
  echo "Building the hello-world jar..."
  (cd benchmarks/hello-world && ../../mvnw -q package -DskipTests)
else
  OURS=$(production_jar)
fi
HELLO=$(hello)
[ -n "$HELLO" ] || fail "no hello-world jar in benchmarks/hello-world/target/ (run without --no-build)"

# a port already answering would be measured instead of the app just started
for port in "$PORT" "$MANAGEMENT_PORT" "$HELLO_PORT"; do
  ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" || fail "port $port is in use: stop what runs there, or set PORT, MANAGEMENT_PORT, HELLO_PORT"
done

WORK=$(mktemp -d /tmp/startup-benchmark.XXXXXX)
PID=
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# app-specific arguments: our jar on its own scratch database and the repository's course folder
OURS_ARGS=(--spring.profiles.active="$PROFILES" --server.port="$PORT" --management.server.port="$MANAGEMENT_PORT"
           --course.data-dir="$WORK/data" --course.content-dir=course-content)
# OURS_EXTRA, e.g. "--spring.data.jpa.repositories.bootstrap-mode=default": arguments added to ours only, to compare a
# setting before putting it into application.yaml
read -r -a OURS_EXTRA <<< "${OURS_EXTRA:-}"
OURS_ARGS+=("${OURS_EXTRA[@]}")
HELLO_ARGS=(--server.port="$HELLO_PORT")

now_ms() { date +%s%3N; }

# start <app> <variant> <extra JVM flags...>: prints "milliseconds rss_kB" for one start, then stops the app
start_once() {
  local app=$1 variant=$2; shift 2
  local jar args url
  if [ "$app" = ours ]; then jar=$OURS; args=("${OURS_ARGS[@]}"); url="http://127.0.0.1:$PORT/login"
  else jar=$HELLO; args=("${HELLO_ARGS[@]}"); url="http://127.0.0.1:$HELLO_PORT/"; fi
  local flags=("${JVM_FLAGS[@]}")
  if [ "$variant" = aot ]; then jar="$WORK/$app/$(basename "$jar")"; flags+=(-XX:AOTCache="$WORK/$app.aot"); fi
  local t0 t1 code rss
  t0=$(now_ms)
  "$JAVA" "${flags[@]}" "$@" -jar "$jar" "${args[@]}" > "$WORK/$app-$variant.log" 2>&1 &
  PID=$!
  while :; do
    kill -0 "$PID" 2>/dev/null || { tail -30 "$WORK/$app-$variant.log" >&2; fail "$app ($variant) died while starting"; }
    # the whole body is read (to /dev/null): the page is answered, not just the status line
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
    if [ "$code" = 200 ]; then t1=$(now_ms); break; fi
    sleep 0.05
    [ $(( $(now_ms) - t0 )) -lt 180000 ] || fail "$app ($variant) gave no 200 on $url within 3 minutes"
  done
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  echo "$(( t1 - t0 )) $rss"
}

# the AOT variant: extract each jar as Spring Boot recommends, then one training run that writes the cache. The training
# run serves its first page and Vaadin's bootstrap request for it (?v-r=init), then stops on SIGTERM (the JVM writes
# the cache as it exits); TRAINING=refresh stops it instead right after the context refreshed
# (-Dspring.context.exit=onRefresh, Spring Boot's documented way), which leaves the web request classes out.
prepare_aot() {
  local app=$1 jar args url route
  if [ "$app" = ours ]; then jar=$OURS; args=("${OURS_ARGS[@]}"); url="http://127.0.0.1:$PORT/"; route=login
  else jar=$HELLO; args=("${HELLO_ARGS[@]}"); url="http://127.0.0.1:$HELLO_PORT/"; route=; fi
  rm -rf "$WORK/$app" "$WORK/$app.aot"
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$WORK/$app" > /dev/null
  if [ "${TRAINING:-first-page}" = refresh ]; then
    "$JAVA" "${JVM_FLAGS[@]}" -XX:AOTCacheOutput="$WORK/$app.aot" -Dspring.context.exit=onRefresh \
        -jar "$WORK/$app/$(basename "$jar")" "${args[@]}" > "$WORK/$app-training.log" 2>&1 \
        || { tail -30 "$WORK/$app-training.log" >&2; fail "training run of $app for the AOT cache failed"; }
  else
    "$JAVA" "${JVM_FLAGS[@]}" -XX:AOTCacheOutput="$WORK/$app.aot" \
        -jar "$WORK/$app/$(basename "$jar")" "${args[@]}" > "$WORK/$app-training.log" 2>&1 &
    PID=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url$route" || true)" = 200 ]; do
      kill -0 "$PID" 2>/dev/null || { tail -30 "$WORK/$app-training.log" >&2; fail "training run of $app died"; }
      sleep 0.2
    done
    curl -s -o /dev/null "$url?v-r=init&location=$route&query=" || true
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  fi
  [ -f "$WORK/$app.aot" ] || fail "no AOT cache written for $app (JDK 25+ needed: $("$JAVA" -version 2>&1 | head -1))"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

echo "JVM: $("$JAVA" -version 2>&1 | head -1); flags: ${JVM_FLAGS[*]}; $RUNS starts of each, alternately"
echo "ours:  $OURS ($PROFILES profile), first page /login"
echo "hello: $HELLO, first page /"
# the first start of our jar creates the database (Flyway on an empty schema): not counted, as a real restart finds it
echo "Warm-up start of ours (creates the scratch database; not counted)..."
start_once ours plain > /dev/null

declare -A TIMES RSS
for variant in "${VARIANTS[@]}"; do
  if [ "$variant" = aot ]; then
    echo "Training runs for the AOT caches..."
    prepare_aot ours; prepare_aot hello
  fi
  for ((i = 1; i <= RUNS; i++)); do
    for app in ours hello; do
      read -r ms kb < <(start_once "$app" "$variant")
      printf '%-6s %-5s run %d: %6d ms  RSS %4d MB\n' "$variant" "$app" "$i" "$ms" $((kb / 1024))
      TIMES[$variant-$app]+="$ms "; RSS[$variant-$app]+="$kb "
    done
  done
done

echo
echo "| variant | ours: start-up (median) | hello: start-up | ratio | ours: RSS (median) | hello: RSS | ratio |"
echo "|---|---|---|---|---|---|---|"
for variant in "${VARIANTS[@]}"; do
  ot=$(tr ' ' '\n' <<< "${TIMES[$variant-ours]}" | grep . | median)
  ht=$(tr ' ' '\n' <<< "${TIMES[$variant-hello]}" | grep . | median)
  orss=$(tr ' ' '\n' <<< "${RSS[$variant-ours]}" | grep . | median)
  hrss=$(tr ' ' '\n' <<< "${RSS[$variant-hello]}" | grep . | median)
  awk -v v="$variant" -v ot="$ot" -v ht="$ht" -v orss="$orss" -v hrss="$hrss" 'BEGIN {
    printf "| %s | %.2f s | %.2f s | %.2f× | %d MB | %d MB | %.2f× |\n", v, ot / 1000, ht / 1000, ot / ht,
           orss / 1024, hrss / 1024, orss / hrss }'
done
echo "(targets, issue 13: start-up ≤ 1.5× the hello-world jar, RSS ≤ 1.5×; timings are wall clock on this machine)"
