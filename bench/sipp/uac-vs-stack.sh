#!/usr/bin/env bash
# Calls per second of SIPp's built-in `uac` against the stack's standalone UAS (bin/sip-server),
# over UDP, with the same flags as ../shared/bench/sipp-ceiling.sh so the two compare:
#   -r RATE -rp 1000 -m RATE*10 -buff_size 4194304
# Usage: bench/sipp/uac-vs-stack.sh [RATE...]        (default: 5000 10000 15000)
# Prints per rate: rate successful failed retransmissions elapsed_s cps
# Env: VOXPLANE_SIP_PORT (default 5090), VOXPLANE_IO_THREADS (event loops, default Netty's).
set -euo pipefail
cd "$(dirname "$0")/../.."
RATES=("$@"); [ ${#RATES[@]} -gt 0 ] || RATES=(5000 10000 15000)
PORT=${VOXPLANE_SIP_PORT:-5090}
BUFF=4194304
command -v sipp >/dev/null || { echo "sipp is missing: apt-get install sip-tester" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

WORK=$(mktemp -d /tmp/voxplane-bench.XXXXXX)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT

VOXPLANE_SIP_PORT=$PORT bin/sip-server >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 600); do grep -q "listening" "$WORK/server.log" 2>/dev/null && break; sleep 0.1; done
grep -q "listening" "$WORK/server.log" || { echo "sip-server did not start; see $WORK/server.log" >&2; exit 3; }
head -1 "$WORK/server.log" >&2

# Final cumulative values of a SIPp -trace_stat CSV: successful failed retransmissions elapsed_s
final_stats() {
  awk -F';' 'NR==1{for(i=1;i<=NF;i++)c[$i]=i; next} {last=$0}
    END{ split(last,v,";"); split(v[c["StartTime"]],s,"\t"); split(v[c["CurrentTime"]],t,"\t");
      printf "%d %d %d %.3f\n", v[c["SuccessfulCall(C)"]], v[c["FailedCall(C)"]], v[c["Retransmissions(C)"]], t[3]-s[3] }' "$1"
}

# Warm-up: a few seconds of calls so the JIT has compiled the hot path before we measure.
sipp -sn uac -i 127.0.0.1 127.0.0.1:$PORT -r 2000 -rp 1000 -m 10000 -buff_size $BUFF -nostdin \
     -timeout 60s >"$WORK/warmup.out" 2>&1 || true

echo "rate successful failed retransmissions elapsed_s cps"
for R in "${RATES[@]}"; do
  d="$WORK/r$R"; mkdir -p "$d"
  L=$((R * 20 > 100000 ? R * 20 : 100000))
  sipp -sn uac -i 127.0.0.1 127.0.0.1:$PORT -r "$R" -rp 1000 -m $((R * 10)) -l $L -buff_size $BUFF \
       -nostdin -timeout 120s -trace_stat -stf "$d/stat.csv" -fd 1 \
       >"$d/uac.out" 2>&1 || true
  read -r ok failed retrans elapsed < <(final_stats "$d/stat.csv")
  awk -v r="$R" -v ok="$ok" -v f="$failed" -v x="$retrans" -v e="$elapsed" \
      'BEGIN{printf "%d %d %d %d %.3f %.0f\n", r, ok, f, x, e, (e>0? ok/e : 0)}'
done
echo "logs: $WORK" >&2
