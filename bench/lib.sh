# Shared by the benchmarks: source it first. Checks the stack and the CLI, installs the plugin, and gives
# $top (the checkout, also the working directory), $aws, $work (a temporary folder) and ms/timed/median/measure.
set -euo pipefail
shopt -s inherit_errexit # a command that fails inside $(...) (a route timed by `timed`) stops the benchmark too
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
: "${ECR_STACK_ENDPOINT:?run through the stack: stack/ecr-stack run bench/NAME.sh}"
aws=/usr/bin/aws
[ -x "$aws" ] || { echo "needs the AWS CLI v2 at /usr/bin/aws (apt-get install -y awscli)" >&2; exit 1; }
./mvnw -B -q install -DskipTests
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# steal: CPU time this machine's host gave to others while this machine wanted it (the 8th number of /proc/stat's cpu
# line, in clock ticks, for all cores together); figures measured while it grew are inflated, the CLI route's (many
# short processes) most. Every benchmark prints it at the end (steal_note).
steal_ticks() { awk '/^cpu / { print $9 }' /proc/stat; }
steal_start=$(steal_ticks)
steal_note() {
  awk -v t=$(($(steal_ticks) - steal_start)) -v hz="$(getconf CLK_TCK)" -v s="$SECONDS" 'BEGIN {
    printf "steal during the run: %.1f s of CPU taken by the host in %d s (0 on a quiet host; above a few s, the medians are inflated)\n", t / hz, s }'
}
ms() { local t=${EPOCHREALTIME//[^0-9]/}; echo "${t:0:13}"; } # no process: the routes time steps inside them too
timed() { local t0; t0=$(ms); "$@" >&2 || return; echo $(($(ms) - t0)); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# measure CMD...: runs CMD (a command or a function; its output to stderr), prints "WALL_MS CPU_MS". CPU: user +
# system time of every process the shell waited for meanwhile (bash's `times`), so the JVM under ./mvnw counts;
# docker's daemon does not, on either route.
children_cpu() { # "USER SYS" of this shell's children so far; `times` runs here (a $(...) subshell counts its own)
  local _
  times >"$work/times"
  { read -r _; read -r REPLY; } <"$work/times"
}
measure() {
  local t0 c0 c1
  t0=$(ms); children_cpu; c0=$REPLY
  "$@" >&2
  children_cpu; c1=$REPLY
  echo "$(($(ms) - t0)) $(awk -v a="$c0" -v b="$c1" 'function s(x,  p) { split(x, p, /[ms]/); return p[1] * 60 + p[2] }
    BEGIN { split(a, x, " "); split(b, y, " "); printf "%d", (s(y[1]) + s(y[2]) - s(x[1]) - s(x[2])) * 1000 }')"
}
# the tutorial's tiny local image myapp:1.0, made offline (docker import of one small file) unless it is there
ensure_myapp_image() {
  docker image inspect myapp:1.0 >/dev/null 2>&1 && return 0
  echo "hello from myapp" >"$work/hello.txt"
  tar -C "$work" -cf "$work/img.tar" hello.txt
  docker import "$work/img.tar" myapp:1.0 >/dev/null
}

# The options that make a route's log say when each goal starts and what its AWS calls and docker commands took
# (the plugin's DEBUG lines; the SDK's and Maven's loggers stay at INFO): for goal_times and goal_medians.
goal_log_args=(-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS
  -Dorg.slf4j.simpleLogger.log.dev.ecrplugin=debug)
goal_times() { # LOG (a plugin route's log, made with goal_log_args) -> "goal ms calls-ms" per goal, from its
  # "--- ecr:..." line to the next "---" line; calls-ms: the sum of its AWS calls' and docker commands' "took N ms"
  # (in create-policy, the STS call runs on a thread of its own beside the IAM client's building, so there the
  # difference is not the plugin's alone)
  awk '/\[INFO\] --- / { t = $1; split(t, p, /[:.]/); now = ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4]
         if (g != "") print g, now - start, calls; g = ""; calls = 0
         if ($0 ~ /--- ecr:/) { g = $4; sub(/^ecr:[^:]*:/, "", g); start = now } }
       /\[DEBUG\] .* took [0-9]+ ms/ && g != "" { match($0, / took [0-9]+ ms/); calls += substr($0, RSTART + 6, RLENGTH - 9) }
       /BUILD SUCCESS/ && g != "" { t = $1; split(t, p, /[:.]/); now = ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4]
         print g, now - start, calls; g = "" }' "$1"
}
# goal_medians FILE (goal_times lines of several runs): each goal's median time and median time beyond its calls
goal_medians() {
  local g
  for g in $(awk '{print $1}' "$1" | awk '!seen[$0]++'); do
    echo "  $g $(median $(awk -v g="$g" '$1 == g {print $2}' "$1")), beyond" \
      "$(median $(awk -v g="$g" '$1 == g {print $2 - $3}' "$1"))"
  done
}
