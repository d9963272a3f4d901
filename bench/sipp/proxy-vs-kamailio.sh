#!/usr/bin/env bash
# Calls per second through the stack's stateful, record-routing proxy (bin/proxy-server), with the
# topology and flags of ../shared/bench/kamailio-anchor.sh so the two figures compare:
#   SIPp built-in `uac` (127.0.0.1:5071) -> proxy (127.0.0.1:5080) -> SIPp built-in `uas`
#   (127.0.0.1:5070). The uac puts the uas in the Request-URI and sends every packet to the proxy
#   (-rsa); per RATE: -r RATE -rp 1000 -m RATE*10 -l max(RATE*20,100000) -buff_size 4194304.
#   The uas is restarted for every rate; the proxy runs once and is warmed up first.
# Usage: bench/sipp/proxy-vs-kamailio.sh [RATE...]     (default: 2000 4000 5500 7000)
# Prints per rate: rate successful failed retrans cps proxy_cpu done_s elapsed_s reordered_1xx
#   cps = successful / seconds until the last successful call; retrans = uac + uas retransmissions;
#   proxy_cpu = utime+stime of the proxy JVM over the offered-load window, % of one core;
#   reordered_1xx = calls the uac aborted because a 180 arrived after the 200.
# Env: VOXPLANE_IO_THREADS (proxy event loops), WARMUP_CALLS (default 10000, 0 to skip).
set -u
cd "$(dirname "$0")/../.."
RATES=("$@"); [ ${#RATES[@]} -gt 0 ] || RATES=(2000 4000 5500 7000)
UAS_PORT=5070 UAC_PORT=5071 PROXY_PORT=5080 BUFF=4194304
WARMUP_CALLS=${WARMUP_CALLS:-10000}
command -v sipp >/dev/null || { echo "sipp is missing: apt-get install sip-tester" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

. bench/sipp/lib.sh
for p in $UAS_PORT $UAC_PORT $PROXY_PORT; do
  port_busy "$p" && { echo "udp port $p already in use; aborting" >&2; exit 3; }
done

WORK=$(mktemp -d /tmp/voxplane-proxy-bench.XXXXXX)
PROXY_PID= UAS_PID= UAC_PID=
cleanup() { stop_pid "$UAC_PID"; stop_pid "$UAS_PID"; stop_pid "$PROXY_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

start_uas() { # $1 = directory for its logs
  sipp -sn uas -i 127.0.0.1 -p $UAS_PORT -buff_size $BUFF -nostdin \
       -trace_stat -stf "$1/uas_stat.csv" -fd 1 -trace_err -error_file "$1/uas_err.log" \
       </dev/null >"$1/uas.out" 2>&1 &
  UAS_PID=$!
  for _ in $(seq 50); do port_busy $UAS_PORT && return 0; sleep 0.1; done
  echo "uas did not start (see $1/uas.out)" >&2; exit 4
}
run_uac() { # $1 rate, $2 calls, $3 directory
  local L=$(($1 * 20 > 100000 ? $1 * 20 : 100000))
  timeout $(($2 / $1 * 4 + 60)) sipp -sn uac 127.0.0.1:$UAS_PORT -rsa 127.0.0.1:$PROXY_PORT \
       -i 127.0.0.1 -p $UAC_PORT -buff_size $BUFF -r "$1" -rp 1000 -m "$2" -l "$L" -nostdin \
       -trace_stat -stf "$3/uac_stat.csv" -fd 1 -trace_err -error_file "$3/uac_err.log" \
       </dev/null >"$3/uac.out" 2>&1 &
  UAC_PID=$!
}

VOXPLANE_SIP_PORT=$PROXY_PORT VOXPLANE_PROXY_TARGET=127.0.0.1:$UAS_PORT bin/proxy-server >"$WORK/proxy.log" 2>&1 &
PROXY_PID=$!
for _ in $(seq 600); do grep -q "listening" "$WORK/proxy.log" 2>/dev/null && break; sleep 0.1; done
grep -q "listening" "$WORK/proxy.log" || { echo "proxy-server did not start; see $WORK/proxy.log" >&2; exit 3; }
head -1 "$WORK/proxy.log" >&2
JAVA_PID=$(pgrep -P "$PROXY_PID" java || echo "$PROXY_PID")  # bin/proxy-server execs java: same pid

if [ "$WARMUP_CALLS" -gt 0 ]; then
  mkdir -p "$WORK/warmup"; start_uas "$WORK/warmup"
  run_uac 1000 "$WARMUP_CALLS" "$WORK/warmup"; wait $UAC_PID; UAC_PID=
  stop_pid "$UAS_PID"; UAS_PID=
fi

echo "rate successful failed retrans cps proxy_cpu done_s elapsed_s reordered_1xx"
HZ=$(getconf CLK_TCK)
for R in "${RATES[@]}"; do
  M=$((R * 10)); d="$WORK/r$R"; mkdir -p "$d"
  start_uas "$d"
  T0=$(date +%s.%N); C0=$(cpu_ticks "$JAVA_PID")
  run_uac "$R" "$M" "$d"
  sleep $((M / R)).2
  C1=$(cpu_ticks "$JAVA_PID"); T1=$(date +%s.%N)
  wait $UAC_PID; rc=$?; UAC_PID=
  sleep 1
  stop_pid "$UAS_PID"; UAS_PID=
  if [ ! -s "$d/uac_stat.csv" ]; then echo "$R ERROR uac rc=$rc, no statistics (see $d/uac.out)"; continue; fi
  read -r S F X E DONE < <(stat_final "$d/uac_stat.csv")
  read -r _ _ UX _ _ < <(stat_final "$d/uas_stat.csv" 2>/dev/null || echo "0 0 0 0 0")
  REORD=$(grep -s -c "Aborting call on unexpected message.*received 'SIP/2.0 1" "$d/uac_err.log" 2>/dev/null || true)
  awk -v r="$R" -v s="$S" -v f="$F" -v x=$((X + UX)) -v done="$DONE" -v e="$E" -v c=$((C1 - C0)) -v hz="$HZ" \
      -v a="$T0" -v b="$T1" -v ro="${REORD:-0}" \
      'BEGIN{printf "%d %d %d %d %.0f %.0f%% %.3f %.3f %d\n", r, s, f, x, (done>0? s/done : 0), 100*c/hz/(b-a), done, e, ro}'
done
echo "logs: $WORK" >&2
