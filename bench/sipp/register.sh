#!/usr/bin/env bash
# Authenticated REGISTERs per second: SIPp's digest registration scenario (REGISTER, 401, REGISTER
# with MD5 credentials, 200; container-ext/stack/src/test/resources/sipp/register-digest.xml)
# against the standalone registrar (bin/registrar-server), over UDP, USERS users from an injection
# file. Flags as uac-vs-stack.sh: -r RATE -rp 1000 -m RATE*10 -buff_size 4194304.
# Usage: bench/sipp/register.sh [RATE...]        (default: 1000 3000 5000)
# Prints per rate: rate successful failed retransmissions elapsed_s auth_registers_per_s registers_per_s
# (each successful scenario is one authenticated REGISTER answered 200 plus one challenged REGISTER).
# Env: VOXPLANE_SIP_PORT (default 5091), VOXPLANE_BENCH_USERS (default 10000), VOXPLANE_IO_THREADS.
set -euo pipefail
cd "$(dirname "$0")/../.."
RATES=("$@"); [ ${#RATES[@]} -gt 0 ] || RATES=(1000 3000 5000)
PORT=${VOXPLANE_SIP_PORT:-5091}
USERS=${VOXPLANE_BENCH_USERS:-10000}
BUFF=4194304
SCENARIO=$PWD/container-ext/stack/src/test/resources/sipp/register-digest.xml
command -v sipp >/dev/null || { echo "sipp is missing: apt-get install sip-tester" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

WORK=$(mktemp -d /tmp/voxplane-bench-register.XXXXXX)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT

# Users: a properties file for the registrar, the same users as a SIPp injection file.
echo SEQUENTIAL >"$WORK/users.csv"
: >"$WORK/users.properties"
for i in $(seq 1 "$USERS"); do
  echo "user.bench$i.password=pw-$i" >>"$WORK/users.properties"
  echo "bench$i;pw-$i;[authentication username=bench$i password=pw-$i]" >>"$WORK/users.csv"
done

# SIPp 3.6 implements MD5 only and answers the first challenge, so the registrar offers MD5 alone.
VOXPLANE_SIP_PORT=$PORT VOXPLANE_AUTH_USERS="$WORK/users.properties" VOXPLANE_AUTH_ALGORITHMS=MD5 \
VOXPLANE_AUTH_SECRET="${VOXPLANE_AUTH_SECRET:-$(head -c 32 /dev/urandom | base64)}" \
  bin/registrar-server >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 600); do grep -q "listening" "$WORK/server.log" 2>/dev/null && break; sleep 0.1; done
grep -q "listening" "$WORK/server.log" || { echo "registrar-server did not start; see $WORK/server.log" >&2; exit 3; }
head -1 "$WORK/server.log" >&2

# Final cumulative values of a SIPp -trace_stat CSV: successful failed retransmissions elapsed_s
final_stats() {
  awk -F';' 'NR==1{for(i=1;i<=NF;i++)c[$i]=i; next} {last=$0}
    END{ split(last,v,";"); split(v[c["StartTime"]],s,"\t"); split(v[c["CurrentTime"]],t,"\t");
      printf "%d %d %d %.3f\n", v[c["SuccessfulCall(C)"]], v[c["FailedCall(C)"]], v[c["Retransmissions(C)"]], t[3]-s[3] }' "$1"
}

# Warm-up so the JIT has compiled the hot path before we measure.
sipp -sf "$SCENARIO" -inf "$WORK/users.csv" -i 127.0.0.1 127.0.0.1:$PORT -r 1000 -rp 1000 -m 5000 \
     -buff_size $BUFF -nostdin -timeout 60s >"$WORK/warmup.out" 2>&1 || true

echo "rate successful failed retransmissions elapsed_s auth_registers_per_s registers_per_s"
for R in "${RATES[@]}"; do
  d="$WORK/r$R"; mkdir -p "$d"
  L=$((R * 20 > 100000 ? R * 20 : 100000))
  sipp -sf "$SCENARIO" -inf "$WORK/users.csv" -i 127.0.0.1 127.0.0.1:$PORT -r "$R" -rp 1000 -m $((R * 10)) \
       -l $L -buff_size $BUFF -nostdin -timeout 120s -trace_stat -stf "$d/stat.csv" -fd 1 \
       >"$d/sipp.out" 2>&1 || true
  read -r ok failed retrans elapsed < <(final_stats "$d/stat.csv")
  awk -v r="$R" -v ok="$ok" -v f="$failed" -v x="$retrans" -v e="$elapsed" \
      'BEGIN{printf "%d %d %d %d %.3f %.0f %.0f\n", r, ok, f, x, e, (e>0? ok/e : 0), (e>0? 2*ok/e : 0)}'
done
echo "logs: $WORK" >&2
