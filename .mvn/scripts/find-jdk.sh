# Sourced by ./mvnw, ./lifeboat and .ci/run (POSIX sh). Picks a JDK 21 or newer and exports JAVA_HOME.
#
# Order: $LIFEBOAT_JAVA_HOME, then $JAVA_HOME, then `java` on PATH, then the standard JDK folders
# (/usr/lib/jvm on Debian/Ubuntu/Fedora, /Library/Java/JavaVirtualMachines on macOS, SDKMAN, ~/.jdks).
# The first candidate whose major version is 21 or more wins; among the folders, the newest does.

lifeboat_java_major() {
  # `java -XshowSettings:properties` is slow; the `release` file of a JDK home is instant and reliable.
  _lb_home=$1
  if [ -f "$_lb_home/release" ]; then
    _lb_v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$_lb_home/release" 2>/dev/null)
  else
    _lb_v=""
  fi
  if [ -n "$_lb_v" ] && [ -x "$_lb_home/bin/javac" ]; then
    printf '%s\n' "$_lb_v"
  fi
  return 0
}

lifeboat_find_jdk() {
  for _lb_c in "${LIFEBOAT_JAVA_HOME-}" "${JAVA_HOME-}"; do
    if [ -n "$_lb_c" ]; then
      _lb_m=$(lifeboat_java_major "$_lb_c")
      if [ -n "$_lb_m" ] && [ "$_lb_m" -ge 21 ]; then
        printf '%s\n' "$_lb_c"
        return 0
      fi
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    _lb_c=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    _lb_m=$(lifeboat_java_major "$_lb_c")
    if [ -n "$_lb_m" ] && [ "$_lb_m" -ge 21 ]; then
      printf '%s\n' "$_lb_c"
      return 0
    fi
  fi
  _lb_best=""
  _lb_best_m=0
  # mvnw runs under `set -f`; the folder scan needs globbing.
  case $- in *f*) _lb_glob_off=1; set +f ;; *) _lb_glob_off=0 ;; esac
  for _lb_c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "${HOME-}"/.sdkman/candidates/java/* "${HOME-}"/.jdks/*; do
    [ -d "$_lb_c" ] || continue
    [ -L "$_lb_c" ] && continue
    _lb_m=$(lifeboat_java_major "$_lb_c")
    if [ -n "$_lb_m" ] && [ "$_lb_m" -ge 21 ] && [ "$_lb_m" -gt "$_lb_best_m" ]; then
      _lb_best=$_lb_c
      _lb_best_m=$_lb_m
    fi
  done
  [ "$_lb_glob_off" = 1 ] && set -f
  if [ -n "$_lb_best" ]; then
    printf '%s\n' "$_lb_best"
    return 0
  fi
  return 1
}

if _lb_found=$(lifeboat_find_jdk); then
  JAVA_HOME=$_lb_found
  LIFEBOAT_JAVA_MAJOR=$(lifeboat_java_major "$JAVA_HOME")
  export JAVA_HOME LIFEBOAT_JAVA_MAJOR
else
  echo "Lifeboat needs a JDK 21 or newer, and none was found: install one (for example 'apt-get install openjdk-21-jdk' or a Temurin 21+ JDK) or set LIFEBOAT_JAVA_HOME to its folder." >&2
  exit 1
fi
