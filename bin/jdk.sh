# Sourced by bin/* scripts: points JAVA_HOME at a JDK >= 21.
# Keeps JAVA_HOME when it already names one; otherwise takes the newest JDK >= 21 under
# /usr/lib/jvm. Fails with a clear message when there is none.
voxplane_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}
voxplane_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] \
     && [ "$(voxplane_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(voxplane_java_major "$dir")
    [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ] && { best=$dir; best_major=$major; }
  done
  if [ -z "$best" ]; then
    echo "Voxplane needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
