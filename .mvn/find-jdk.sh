# Sourced by ./mvnw: makes sure Maven runs on a JDK 21 or newer, so the README's commands work
# as written on machines whose default java is older. Order: JAVA_HOME if it is 21+, then the
# java on PATH, then the usual install locations. Fails with a clear message if none is found.
mvnw_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
mvnw_jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$(mvnw_java_major "$1/bin/java")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}
mvnw_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && mvnw_jdk_ok "$JAVA_HOME"; then return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if mvnw_jdk_ok "$candidate"; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  fi
  set +f  # mvnw runs with globbing off; the locations below are patterns
  for candidate in /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/temurin-2[1-9]-jdk* \
                   /usr/lib/jvm/java-2[1-9]-openjdk* /usr/lib/jvm/jdk-2[1-9]* /usr/lib/jvm/* \
                   /opt/java/openjdk /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
                   "$HOME"/.sdkman/candidates/java/current; do
    if mvnw_jdk_ok "$candidate"; then JAVA_HOME=$candidate; export JAVA_HOME; set -f; return 0; fi
  done
  set -f
  echo "Compassion Course needs a JDK 21 or newer, and none was found." >&2
  echo "Install one (e.g. Temurin 21 or 25) or set JAVA_HOME to it, then run this command again." >&2
  exit 1
}
mvnw_find_jdk
