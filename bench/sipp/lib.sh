# Shell functions the bench/sipp scripts share. Source it; it defines functions only.

# True when a UDP socket is bound on port $1.
port_busy() { ss -Hlun "sport = :$1" 2>/dev/null | grep -q .; }

# TERM, wait up to 5 s, then KILL (only processes the calling script started).
stop_pid() {
  local p=$1
  [ -n "$p" ] || return 0
  kill -TERM "$p" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$p" 2>/dev/null
  wait "$p" 2>/dev/null
}

# utime+stime of one pid, in clock ticks.
cpu_ticks() {
  local f; f=$(cat /proc/"$1"/stat 2>/dev/null) || { echo 0; return; }
  f=${f##*) }; set -- $f; echo $((${12} + ${13}))
}

# "successful failed retrans elapsed_s done_s" from a SIPp -trace_stat CSV (done_s: time of the
# first line at which SuccessfulCall(C) reached its final value).
stat_final() {
  awk -F';' 'NR==1{for(i=1;i<=NF;i++)col[$i]=i; next}
    { split($col["StartTime"],s,"\t"); split($col["CurrentTime"],t,"\t"); now=t[3]-s[3]
      if ($col["SuccessfulCall(C)"] != ok) { ok=$col["SuccessfulCall(C)"]; done=now }
      S=$col["SuccessfulCall(C)"]; F=$col["FailedCall(C)"]; X=$col["Retransmissions(C)"]; E=now }
    END{ printf "%d %d %d %.3f %.3f\n", S, F, X, E, done }' "$1"
}
