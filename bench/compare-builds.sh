#!/usr/bin/env bash
# The tutorial's route (one `mvn deploy` of examples/tutorial) with two builds of the plugin, side by side in one
# run: each git revision is built into a local repository of its own (a worktree under $work, the rest of the local
# repository linked, not copied), then rounds alternate A and B on a wiped stack. Prints the medians of wall and CPU
# time of both and B/A, and the median of the rounds' paired differences (B - A): what a change saved, measured; and,
# for each side, each goal's median time and time beyond its AWS calls and docker commands (from the plugin's DEBUG
# log, as bench/tutorial-vs-cli.sh has them), and the time outside the goals (the run's wall time minus its goals':
# Maven's start, the POM, the lifecycle's other plugins and the JVM's end), so that a difference can be placed.
#
#   stack/ecr-stack up && stack/ecr-stack run bench/compare-builds.sh REV_A REV_B [ROUNDS]   (default 7)
# BENCH_POM (default examples/tutorial/pom.xml) and BENCH_GOALS (default deploy) choose another route.
. "$(dirname "$0")/lib.sh"
a=${1:?REV_A}; b=${2:?REV_B}; rounds=${3:-7}
ensure_myapp_image
export DOCKER_CONFIG=$work/docker-config AWS_SHARED_CREDENTIALS_FILE=$work/credentials
local_repo=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null)
trap 'git worktree remove --force "$work/A" 2>/dev/null; git worktree remove --force "$work/B" 2>/dev/null; rm -rf "$work"' EXIT
for side in A B; do
  rev=$a; [ "$side" = B ] && rev=$b
  git worktree add -q --detach "$work/$side" "$rev"
  mkdir -p "$work/repo-$side" && cp -al "$local_repo/." "$work/repo-$side/" && rm -rf "$work/repo-$side/dev/ecrplugin"
  (cd "$work/$side" && ./mvnw -B -q -o install -DskipTests -Denforcer.skip -Dinvoker.skip \
    -Dmaven.repo.local="$work/repo-$side" >&2)
done
fresh() { stack/ecr-stack reset 2>/dev/null; rm -f "$AWS_SHARED_CREDENTIALS_FILE"; }
route() { # SIDE (the stack wiped before, outside the measurement); not -q: the goals' lines are read from the log
  ./mvnw -B -Dmaven.repo.local="$work/repo-$1" -f "${BENCH_POM:-examples/tutorial/pom.xml}" ${BENCH_GOALS:-deploy} \
    -Decr.endpoint="$ECR_STACK_ENDPOINT" -Decr.region=us-east-1 "${goal_log_args[@]}" >"$work/mvn.log" 2>&1 \
    || { cat "$work/mvn.log" >&2; exit 1; }
}
declare -a aw ac bw bc ao bo
for i in $(seq 1 "$rounds"); do
  order="A B"; [ $((i % 2)) -eq 0 ] && order="B A"
  for side in $order; do
    fresh
    read -r w c < <(measure route "$side")
    goal_times "$work/mvn.log" >"$work/goals" # outside the measurement
    cat "$work/goals" >>"$work/goals-$side"
    o=$((w - $(awk '{ s += $2 } END { print s + 0 }' "$work/goals")))
    if [ "$side" = A ]; then aw+=("$w"); ac+=("$c"); ao+=("$o"); else bw+=("$w"); bc+=("$c"); bo+=("$o"); fi
  done
  echo "round $i: A $a ${aw[-1]} ms / ${ac[-1]} ms cpu, B $b ${bw[-1]} ms / ${bc[-1]} ms cpu"
done
m() { median "$@"; }
echo "median of $rounds: A $(m "${aw[@]}") ms wall, $(m "${ac[@]}") ms cpu; B $(m "${bw[@]}") ms wall, $(m "${bc[@]}") ms cpu"
awk -v aw="$(m "${aw[@]}")" -v ac="$(m "${ac[@]}")" -v bw="$(m "${bw[@]}")" -v bc="$(m "${bc[@]}")" \
  'BEGIN { printf "B - A: %+d ms wall, %+d ms cpu (B/A %.2f wall, %.2f cpu)\n", bw - aw, bc - ac, bw / aw, bc / ac }'
# paired: each round's B - A (both sides ran back to back), whose median a noisy round moves less than the two medians
dw=(); dc=()
for i in "${!aw[@]}"; do dw+=($((bw[i] - aw[i]))); dc+=($((bc[i] - ac[i]))); done
echo "median of the rounds' B - A (paired): $(m "${dw[@]}") ms wall, $(m "${dc[@]}") ms cpu; B faster in" \
  "$(printf '%s\n' "${dw[@]}" | awk '$1 < 0' | wc -l) of $rounds rounds"
od=(); for i in "${!ao[@]}"; do od+=($((bo[i] - ao[i]))); done
echo "outside the goals (wall minus the goals' time): A $(m "${ao[@]}") ms, B $(m "${bo[@]}") ms; paired B - A" \
  "$(m "${od[@]}") ms"
for side in A B; do
  [ -s "$work/goals-$side" ] || continue # a route without the plugin's goals (BENCH_GOALS="deploy -Decr.skip")
  echo "each goal on $side (median ms, and beyond its AWS calls and docker commands):"
  goal_medians "$work/goals-$side"
done
steal_note
