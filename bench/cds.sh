#!/usr/bin/env bash
# The README's class-data-sharing recipe, tried and timed: a copy of examples/tutorial gets a .mvn/jvm.config that
# first writes an archive of the classes Maven's JVM loads on the tutorial's route (-XX:ArchiveClassesAtExit), then
# one that reads it (-XX:SharedArchiveFile); rounds then alternate the route without and with the archive on a
# wiped stack. Prints the medians of wall and CPU time of both and what the archive saves.
#
#   stack/ecr-stack up && stack/ecr-stack run bench/cds.sh [ROUNDS]   (default 5)
. "$(dirname "$0")/lib.sh"
rounds=${1:-5}
ensure_myapp_image
export DOCKER_CONFIG=$work/docker-config AWS_SHARED_CREDENTIALS_FILE=$work/credentials
for side in plain cds; do
  mkdir -p "$work/$side" && cp examples/tutorial/pom.xml examples/tutorial/*.json "$work/$side/"
  mkdir -p "$work/$side/.mvn" && cp -r .mvn/wrapper "$work/$side/.mvn/" && cp mvnw "$work/$side/"
done
fresh() { stack/ecr-stack reset 2>/dev/null; rm -f "$AWS_SHARED_CREDENTIALS_FILE"; }
route() { # SIDE: the tutorial's `mvn deploy`, run from the copy's directory (the archive's path is relative to it)
  (cd "$work/$1" && ./mvnw -B -q deploy -Decr.endpoint="$ECR_STACK_ENDPOINT" -Decr.region=us-east-1 \
    >"$work/mvn.log" 2>&1) || { cat "$work/mvn.log" >&2; exit 1; }
}
# the recipe, step 1: one run that writes the archive at its exit
echo "-XX:ArchiveClassesAtExit=.mvn/classes.jsa" >"$work/cds/.mvn/jvm.config"
fresh
route cds
[ -s "$work/cds/.mvn/classes.jsa" ] || { echo "no archive was written" >&2; exit 1; }
# step 2: every later run reads it
echo "-XX:SharedArchiveFile=.mvn/classes.jsa" >"$work/cds/.mvn/jvm.config"
echo "archive: $(du -h "$work/cds/.mvn/classes.jsa" | cut -f1)"
declare -a pw pc cw cc
for i in $(seq 1 "$rounds"); do
  order="plain cds"; [ $((i % 2)) -eq 0 ] && order="cds plain"
  for side in $order; do
    fresh # outside the measurement
    read -r w c < <(measure route "$side")
    if [ "$side" = plain ]; then pw+=("$w"); pc+=("$c"); else cw+=("$w"); cc+=("$c"); fi
  done
  echo "round $i: without ${pw[-1]} ms / ${pc[-1]} ms cpu, with the archive ${cw[-1]} ms / ${cc[-1]} ms cpu"
done
m() { median "$@"; }
echo "median of $rounds: without $(m "${pw[@]}") ms wall, $(m "${pc[@]}") ms cpu; with $(m "${cw[@]}") ms wall, $(m "${cc[@]}") ms cpu"
awk -v pw="$(m "${pw[@]}")" -v pc="$(m "${pc[@]}")" -v cw="$(m "${cw[@]}")" -v cc="$(m "${cc[@]}")" \
  'BEGIN { printf "the archive saves %d ms wall (%.0f%%), %d ms cpu (%.0f%%)\n", pw - cw, 100 * (pw - cw) / pw, pc - cc, 100 * (pc - cc) / pc }'
