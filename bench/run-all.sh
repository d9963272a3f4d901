#!/usr/bin/env bash
# Every Voxplane benchmark and the reference peers of ../shared/bench, one after the other in one
# run, so ratios compare like with like. Run it on an otherwise idle machine; it takes ~25 min.
# Usage: bench/run-all.sh [OUT_DIR]      (default: a new /tmp/voxplane-bench-all.XXXXXX)
# Writes one log per step into OUT_DIR and prints where they are; docs/benchmarks.md quotes them.
set -uo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
voxplane_pick_jdk
SHARED=${VOXPLANE_SHARED_BENCH:-../shared/bench}
OUT=${1:-$(mktemp -d /tmp/voxplane-bench-all.XXXXXX)}
mkdir -p "$OUT"
JAVA="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"

step() { # name command...
  local name=$1; shift
  echo "== $name ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/summary.txt"
  "$@" >"$OUT/$name.log" 2>&1
  echo "   exit $? -> $OUT/$name.log" | tee -a "$OUT/summary.txt"
}

{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) nproc=$(nproc) cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')\""
  echo "# $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); git $(git rev-parse --short HEAD)"
} | tee "$OUT/summary.txt"

./mvnw -B -q -ntp -pl bench -am package -DskipTests || exit 1
JMH="$JAVA -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar -f 1 -wi 3 -w 2s -i 5 -r 2s"

step jmh-parser      $JMH 'io.voxplane.bench.sip.ParserBenchmark' -prof gc
step jmh-transaction $JMH 'io.voxplane.bench.stack.TransactionBenchmark'
step jmh-register    $JMH 'io.voxplane.bench.registrar.RegisterBenchmark'
step jmh-media       $JMH 'io.voxplane.bench.media'
step codec-realtime  $JAVA -cp bench/target/benchmarks.jar io.voxplane.bench.media.CodecRealtimeReport
step media-memory    $JAVA -cp bench/target/benchmarks.jar io.voxplane.bench.media.MediaSessionMemoryReport 1000
step c-reference     bash "$SHARED/codecs/c-reference.sh"
step sipp-ceiling    bash "$SHARED/sipp-ceiling.sh" 20000
step uac-vs-stack    bench/sipp/uac-vs-stack.sh 5000 10000
step kamailio-anchor bash "$SHARED/kamailio-anchor.sh" 7000
step proxy           bench/sipp/proxy-vs-kamailio.sh 5000 7000
step register        bench/sipp/register.sh 3000 5000
step pbx             env REGISTER_RATES="3000 5000" CALL_RATES="1000 2000" bench/sipp/pbx.sh
echo "logs: $OUT"
