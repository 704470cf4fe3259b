#!/usr/bin/env bash
# Builds the bench module and runs JMH benchmarks with short settings (the build machine is shared).
#
# Usage: bench/run-jmh.sh [REGEX] [JMH OPTIONS...]
#   bench/run-jmh.sh                                  every benchmark, 1 fork, 3 warm-up and 5 measured iterations
#   bench/run-jmh.sh SealOpenBenchmark                one class
#   bench/run-jmh.sh CompressionBenchmark -p level=1  JMH options after the regex override the defaults
#   bench/run-jmh.sh -l                               list the benchmarks
# Prints `uptime` before and after, since a loaded machine changes the numbers.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
. "$root/.mvn/scripts/find-jdk.sh"

./mvnw -q -B -o -pl bench -am install -DskipTests -Dspotless.check.skip=true
classpath_file="$root/bench/target/jmh.classpath"
./mvnw -q -B -o -pl bench dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
classpath="$root/bench/target/classes:$(cat "$classpath_file")"

regex=".*"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  regex="$1"
  shift
fi

# Short defaults, each dropped when the caller passes that option itself (JMH refuses repeated options).
defaults=()
for option in "-f 1" "-wi 3" "-i 5"; do
  case " $* " in
    *" ${option% *} "*) ;;
    *) defaults+=(${option}) ;;
  esac
done

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "before: $(uptime)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" org.openjdk.jmh.Main \
  "${defaults[@]}" -jvmArgsAppend --enable-native-access=ALL-UNNAMED "$regex" "$@"
echo "after: $(uptime)"
