#!/usr/bin/env bash
# What a project can add to Maven's JVM in .mvn/jvm.config, tried and timed on the tutorial's route: the README's
# class-data-sharing recipe (a first run writes an archive of the classes Maven's JVM loads, -XX:ArchiveClassesAtExit;
# later runs read it, -XX:SharedArchiveFile), the C1 compiler alone (-XX:TieredStopAtLevel=1: no C2 compilation,
# which on a build this short costs more CPU than it wins back), and both. Each variant runs in a copy of
# examples/tutorial of its own; rounds rotate the order of the variants on a wiped stack. Prints the medians of wall
# and CPU time of each and what each saves against none.
#
#   stack/ecr-stack up && stack/ecr-stack run bench/cds.sh [ROUNDS]   (default 5)
. "$(dirname "$0")/lib.sh"
rounds=${1:-5}
ensure_myapp_image
export DOCKER_CONFIG=$work/docker-config AWS_SHARED_CREDENTIALS_FILE=$work/credentials
variants=(plain cds c1 cds+c1)
for side in "${variants[@]}"; do
  mkdir -p "$work/$side" && cp examples/tutorial/pom.xml examples/tutorial/*.json "$work/$side/"
  mkdir -p "$work/$side/.mvn" && cp -r .mvn/wrapper "$work/$side/.mvn/" && cp mvnw "$work/$side/"
done
fresh() { stack/ecr-stack reset 2>/dev/null; rm -f "$AWS_SHARED_CREDENTIALS_FILE"; }
route() { # SIDE: the tutorial's `mvn deploy`, run from the copy's directory (the archive's path is relative to it)
  (cd "$work/$1" && ./mvnw -B -q deploy -Decr.endpoint="$ECR_STACK_ENDPOINT" -Decr.region=us-east-1 \
    >"$work/mvn.log" 2>&1) || { cat "$work/mvn.log" >&2; exit 1; }
}
echo "-XX:TieredStopAtLevel=1" >"$work/c1/.mvn/jvm.config"
# the recipe, step 1: one run that writes the archive at its exit; step 2: every later run reads it
for side in cds cds+c1; do
  extra=""; [ "$side" = cds+c1 ] && extra="-XX:TieredStopAtLevel=1 "
  echo "${extra}-XX:ArchiveClassesAtExit=.mvn/classes.jsa" >"$work/$side/.mvn/jvm.config"
  fresh
  route "$side"
  [ -s "$work/$side/.mvn/classes.jsa" ] || { echo "no archive was written for $side" >&2; exit 1; }
  echo "${extra}-XX:SharedArchiveFile=.mvn/classes.jsa" >"$work/$side/.mvn/jvm.config"
  echo "archive of $side: $(du -h "$work/$side/.mvn/classes.jsa" | cut -f1)"
done
declare -A walls cpus
for i in $(seq 1 "$rounds"); do
  line="round $i:"
  for k in "${!variants[@]}"; do
    side=${variants[$(((k + i) % ${#variants[@]}))]} # each round starts one variant later
    fresh # outside the measurement
    read -r w c < <(measure route "$side")
    walls[$side]+="$w "; cpus[$side]+="$c "
    line+=" $side ${w}/${c} ms"
  done
  echo "$line (wall/cpu)"
done
# shellcheck disable=SC2086 # the lists are space-separated numbers
pw=$(median ${walls[plain]}); pc=$(median ${cpus[plain]})
echo "median of $rounds (wall / cpu ms): $(for side in "${variants[@]}"; do printf '%s %s / %s, ' "$side" \
  "$(median ${walls[$side]})" "$(median ${cpus[$side]})"; done | sed 's/, $//')"
for side in "${variants[@]:1}"; do
  awk -v s="$side" -v pw="$pw" -v pc="$pc" -v w="$(median ${walls[$side]})" -v c="$(median ${cpus[$side]})" \
    'BEGIN { printf "%s saves %d ms wall (%.0f%%), %d ms cpu (%.0f%%)\n", s, pw - w, 100 * (pw - w) / pw, pc - c, 100 * (pc - c) / pc }'
done
steal_note
