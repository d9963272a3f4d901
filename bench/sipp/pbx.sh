#!/usr/bin/env bash
# The PBX as users run it: the sip-apps/pbx WAR in Payara Micro 7 (bin/pbx), over UDP on loopback.
#   1. Authenticated REGISTERs per second: SIPp's digest registration scenario
#      (container-ext/stack/src/test/resources/sipp/register-digest.xml: REGISTER, 401, REGISTER
#      with MD5 credentials, 200) over USERS users, per REGISTER_RATES.
#   2. Calls per second through the PBX's record-routing proxy: bob registers (digest) with the
#      Contact of a SIPp uas (pbx-call-uas.xml: 180, 200, ACK, BYE); a SIPp uac (pbx-call-uac.xml)
#      calls bob as alice: INVITE, 407, ACK, INVITE with Proxy-Authorization, 100/180/200, ACK,
#      BYE, 200 - every call is digest-authenticated, per CALL_RATES (-r RATE -m RATE*10).
#      (-auth_uri: the digest uri must be the Request-URI, RFC 3261 s22.4; SIPp defaults to ip:port.)
# Usage: bench/sipp/pbx.sh            env: REGISTER_RATES (default "3000 5000"),
#   CALL_RATES (default "1000 2000"), USERS (default 1000), VOXPLANE_SKIP_BUILD=1 (WAR already built),
#   WARMUP_REGISTERS (default 30000, at 2000/s), WARMUP_CALLS (default 10000, at 500/s): Payara's JIT
#   needs a long warm-up.
# Prints a table per part: rate successful failed retrans per_s pbx_cpu done_s elapsed_s
#   per_s = successful / seconds until the last success; retrans = retransmissions seen by SIPp
#   (uac + uas); pbx_cpu = utime+stime of the Payara JVM over the offered-load window, % of one core.
set -u
cd "$(dirname "$0")/../.."
. bench/sipp/lib.sh
read -r -a REGISTER_RATES <<<"${REGISTER_RATES:-3000 5000}"
read -r -a CALL_RATES <<<"${CALL_RATES:-1000 2000}"
USERS=${USERS:-1000} WARMUP_CALLS=${WARMUP_CALLS:-10000} WARMUP_REGISTERS=${WARMUP_REGISTERS:-30000}
SIP_PORT=5080 HTTP_PORT=18080 UAS_PORT=5070 UAC_PORT=5071 BUFF=4194304
REGISTER_XML=$PWD/container-ext/stack/src/test/resources/sipp/register-digest.xml
SCENARIOS=$PWD/arquillian/src/test/resources
command -v sipp >/dev/null || { echo "sipp is missing: apt-get install sip-tester" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
for p in $SIP_PORT $UAS_PORT $UAC_PORT; do
  port_busy "$p" && { echo "udp port $p already in use; aborting" >&2; exit 3; }
done

WORK=$(mktemp -d /tmp/voxplane-pbx-bench.XXXXXX)
PBX_PID= UAS_PID= UAC_PID=
cleanup() { stop_pid "$UAC_PID"; stop_pid "$UAS_PID"; stop_pid "$PBX_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# Users: alice and bob for calls, bench1..USERS for registrations (PBX users file and SIPp injection).
{ echo "alice:secret-a"; echo "bob:secret-b"; } >"$WORK/users"
echo SEQUENTIAL >"$WORK/register.csv"
for i in $(seq 1 "$USERS"); do
  echo "bench$i:pw-$i" >>"$WORK/users"
  echo "bench$i;pw-$i;[authentication username=bench$i password=pw-$i]" >>"$WORK/register.csv"
done
printf 'SEQUENTIAL\nbob;secret-b;[authentication username=bob password=secret-b];%s;200\n' $UAS_PORT >"$WORK/bob.csv"
printf 'SEQUENTIAL\nalice;secret-a;[authentication username=alice password=secret-a];bob\n' >"$WORK/alice.csv"

# SIPp 3.6 implements MD5 only and answers the first challenge, so the PBX offers MD5 alone here.
# Each call keeps 2-3 transactions for 64*T1: the transaction limit is raised for the load.
VOXPLANE_SIP_PORT=$SIP_PORT VOXPLANE_HTTP_PORT=$HTTP_PORT VOXPLANE_SIP_HOST=127.0.0.1 \
VOXPLANE_AUTH_ALGORITHMS=MD5 VOXPLANE_PBX_USERS_FILE="$WORK/users" VOXPLANE_SIP_TRANSACTION_MAX=1000000 \
  bin/pbx >"$WORK/pbx.log" 2>&1 &
PBX_PID=$!   # bin/pbx execs java after the build: the same pid
for _ in $(seq 1800); do
  curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PBX_PID" 2>/dev/null || break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null || { echo "PBX did not become ready; see $WORK/pbx.log" >&2; exit 3; }
echo "pbx ready (pid $PBX_PID, logs $WORK)" >&2

HZ=$(getconf CLK_TCK)
# $1 rate $2 messages $3 dir, then the SIPp arguments: runs SIPp in the background as UAC_PID
run_load() {
  local r=$1 m=$2 d=$3; shift 3
  local l=$((r * 20 > 100000 ? r * 20 : 100000))
  timeout $((m / r * 4 + 60)) sipp "$@" -i 127.0.0.1 -p $UAC_PORT -buff_size $BUFF -r "$r" -rp 1000 -m "$m" -l "$l" \
       -nostdin -trace_stat -stf "$d/uac_stat.csv" -fd 1 -trace_err -error_file "$d/uac_err.log" \
       </dev/null >"$d/uac.out" 2>&1 &
  UAC_PID=$!
}
# $1 rate $2 dir: waits for the load, prints one table line
measure() {
  local r=$1 d=$2 m=$(($1 * 10)) t0 t1 c0 c1 rc ux
  t0=$(date +%s.%N); c0=$(cpu_ticks "$PBX_PID")
  sleep $((m / r)).2
  c1=$(cpu_ticks "$PBX_PID"); t1=$(date +%s.%N)
  wait "$UAC_PID"; rc=$?; UAC_PID=
  if [ ! -s "$d/uac_stat.csv" ]; then echo "$r ERROR sipp rc=$rc, no statistics (see $d/uac.out)"; return; fi
  read -r S F X E DONE < <(stat_final "$d/uac_stat.csv")
  ux=0; [ -s "$d/uas_stat.csv" ] && read -r _ _ ux _ _ < <(stat_final "$d/uas_stat.csv")
  awk -v r="$r" -v s="$S" -v f="$F" -v x=$((X + ux)) -v done="$DONE" -v e="$E" -v c=$((c1 - c0)) -v hz="$HZ" \
      -v a="$t0" -v b="$t1" \
      'BEGIN{printf "%d %d %d %d %.0f %.0f%% %.3f %.3f\n", r, s, f, x, (done>0? s/done : 0), 100*c/hz/(b-a), done, e}'
}

echo "# authenticated REGISTERs ($USERS users)"
mkdir -p "$WORK/reg-warmup"
run_load 2000 "$WARMUP_REGISTERS" "$WORK/reg-warmup" -sf "$REGISTER_XML" -inf "$WORK/register.csv" 127.0.0.1:$SIP_PORT
wait "$UAC_PID"; UAC_PID=
echo "rate successful failed retrans per_s pbx_cpu done_s elapsed_s"
for R in "${REGISTER_RATES[@]}"; do
  d="$WORK/reg$R"; mkdir -p "$d"
  run_load "$R" $((R * 10)) "$d" -sf "$REGISTER_XML" -inf "$WORK/register.csv" 127.0.0.1:$SIP_PORT
  measure "$R" "$d"
done

echo "# calls alice -> PBX -> bob, each INVITE digest-authenticated"
sipp -sf "$SCENARIOS/pbx-register.xml" -inf "$WORK/bob.csv" -i 127.0.0.1 -p 5072 -m 1 -nostdin \
     -timeout 20s 127.0.0.1:$SIP_PORT >"$WORK/bob-register.out" 2>&1 \
  || { echo "bob's REGISTER failed; see $WORK/bob-register.out" >&2; exit 4; }
start_uas() { # $1 dir
  sipp -sf "$SCENARIOS/pbx-call-uas.xml" -i 127.0.0.1 -p $UAS_PORT -buff_size $BUFF -nostdin \
       -trace_stat -stf "$1/uas_stat.csv" -fd 1 -trace_err -error_file "$1/uas_err.log" \
       </dev/null >"$1/uas.out" 2>&1 &
  UAS_PID=$!
  for _ in $(seq 50); do port_busy $UAS_PORT && return 0; sleep 0.1; done
  echo "uas did not start (see $1/uas.out)" >&2; exit 4
}
if [ "$WARMUP_CALLS" -gt 0 ]; then
  d="$WORK/call-warmup"; mkdir -p "$d"; start_uas "$d"
  run_load 500 "$WARMUP_CALLS" "$d" -sf "$SCENARIOS/pbx-call-uac.xml" -inf "$WORK/alice.csv" -auth_uri bob@127.0.0.1 127.0.0.1:$SIP_PORT
  wait "$UAC_PID"; UAC_PID=; stop_pid "$UAS_PID"; UAS_PID=
fi
echo "rate successful failed retrans per_s pbx_cpu done_s elapsed_s"
for R in "${CALL_RATES[@]}"; do
  d="$WORK/call$R"; mkdir -p "$d"; start_uas "$d"
  run_load "$R" $((R * 10)) "$d" -sf "$SCENARIOS/pbx-call-uac.xml" -inf "$WORK/alice.csv" -auth_uri bob@127.0.0.1 127.0.0.1:$SIP_PORT
  measure "$R" "$d"
  sleep 1; stop_pid "$UAS_PID"; UAS_PID=
done
echo "logs: $WORK" >&2
