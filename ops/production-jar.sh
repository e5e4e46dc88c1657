# Sourced by the ops scripts (run from the repository root): the JDK 21+ the Maven Wrapper finds, as $JAVA, and
# the production jar. production_jar build  -> builds it first;  production_jar  -> the jar in target/, built if missing.
# Callers define fail() before sourcing this file.
. .mvn/find-jdk.sh
set +f
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

production_jar() {
  local jar
  jar=$(ls target/compassion-course-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1)
  if [ "${1-}" = build ] || [ -z "$jar" ]; then
    echo "Building the production jar..." >&2
    ./mvnw -q -Pproduction package -DskipTests >&2
    jar=$(ls target/compassion-course-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1)
  fi
  [ -n "$jar" ] || fail "no production jar in target/ after the build"
  echo "$jar"
}
