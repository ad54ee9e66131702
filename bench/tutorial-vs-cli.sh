#!/usr/bin/env bash
# The tutorial's whole workflow two ways, side by side in one run, on the local stack:
#   cli:    the AWS CLI v2 + docker route, the same steps as the plugin's route: create-policy, create-user,
#           attach-user-policy, create-access-key and `aws configure --profile usr1` with that key (the tutorial's
#           usr1 profile, which the plugin's create-user writes), create-repository, set-repository-policy, then as
#           usr1: get-login-password | docker login, docker tag and push of 1.0, the same for latest (the plugin's
#           second tag), docker pull. Also timed inside it: the key and profile steps and the second tag's tag and
#           push, to print the ratio to the route without them too (the route until 2026-12-02, logging in as the
#           admin), which earlier figures were measured against
#   plugin: one `mvn deploy` of examples/tutorial (the same steps through the plugin's seven goals)
#   rerun:  the same `mvn deploy` again on converged state (nothing to change)
#   empty:  `mvn validate` of the same POM (Maven's own start and the POM; no goal of the plugin runs)
#   lifecycle: `mvn deploy` of the same POM without the plugin's <plugin> element: Maven's own start, the POM and the
#           deploy lifecycle's own plugins (install, deploy: both skipped), which the plugin route runs too
#   docker: the docker commands of the cli route alone (login, tag, push, pull), timed inside it
# Each round wipes moto first (stack/ecr-stack reset) so both routes start from nothing; rounds alternate the
# routes so that machine noise falls on all. Prints medians of wall and CPU time, the ratios to the CLI route, the
# plugin's own cost (plugin - lifecycle - docker, per round, then the median; and, as the issue first asked it,
# plugin - empty - docker) and the median time of each goal; each round's steal (CPU time the host took from this
# machine) and, when some rounds had little, the main medians over those rounds alone.
#
#   stack/ecr-stack up && stack/ecr-stack run bench/tutorial-vs-cli.sh [ROUNDS]   (default 5)
. "$(dirname "$0")/lib.sh"
rounds=${1:-5}
ensure_myapp_image
export DOCKER_CONFIG=$work/docker-config AWS_SHARED_CREDENTIALS_FILE=$work/credentials AWS_CONFIG_FILE=$work/config
sed 's/\${aws.accountId}/123456789012/' examples/tutorial/usr1Policy.json >"$work/usr1Policy.json"
mvn_args=(-B -f examples/tutorial/pom.xml -Decr.endpoint="$ECR_STACK_ENDPOINT" -Decr.region=us-east-1)

docker_part() {
  "$aws" --endpoint-url "$ECR_STACK_ENDPOINT" --region us-east-1 ecr get-login-password --profile usr1 >"$work/token"
  # only docker is measured: the token was fetched above
  measure bash -c 'docker login -u AWS --password-stdin "$1" <"$2" >/dev/null 2>&1 && docker tag myapp:1.0 "$1/repo1:1.0" &&
    docker push -q "$1/repo1:1.0" >/dev/null && docker pull -q "$1/repo1:1.0" >/dev/null' _ "$ECR_STACK_REGISTRY" "$work/token" \
    >"$work/docker.m"
  rm -f "$work/token"
}
admin=("$aws" --endpoint-url "$ECR_STACK_ENDPOINT" --region us-east-1 --output text) # the stack's admin (stack.env)
key_and_profile() { # aws iam create-access-key, then the tutorial's `aws configure --profile usr1` given that key
  local id secret
  "${admin[@]}" iam create-access-key --user-name usr1 --query 'AccessKey.[AccessKeyId,SecretAccessKey]' >"$work/key"
  read -r id secret <"$work/key"
  rm -f "$work/key"
  [ -n "$secret" ] || { echo "create-access-key printed no key" >&2; exit 1; }
  printf '%s\n%s\nus-east-1\n\n' "$id" "$secret" | "$aws" configure --profile usr1 >/dev/null
}
second_tag() { # what the plugin's second tag costs a CLI user: docker tag and push (the layers are there already)
  docker tag myapp:1.0 "$ECR_STACK_REGISTRY/repo1:latest" && docker push -q "$ECR_STACK_REGISTRY/repo1:latest" >/dev/null
}
cli_route() {
  local a=("${admin[@]}") # short for the lines below
  rm -f "$AWS_SHARED_CREDENTIALS_FILE" "$AWS_CONFIG_FILE"
  "${a[@]}" iam create-policy --policy-name authOnly --policy-document file://examples/tutorial/authPolicy.json >/dev/null
  "${a[@]}" iam create-user --user-name usr1 >/dev/null
  "${a[@]}" iam attach-user-policy --user-name usr1 --policy-arn arn:aws:iam::123456789012:policy/authOnly
  measure key_and_profile >"$work/key.m"
  "${a[@]}" ecr create-repository --repository-name repo1 >/dev/null
  "${a[@]}" ecr set-repository-policy --repository-name repo1 --policy-text "file://$work/usr1Policy.json" >/dev/null
  docker_part
  measure second_tag >"$work/tag2.m"
}
plugin_route() { # the log says when each goal starts and what its calls took (goal_log_args, lib.sh)
  ./mvnw "${mvn_args[@]}" deploy "${goal_log_args[@]}" >"$work/mvn.log" 2>&1 || { cat "$work/mvn.log" >&2; exit 1; }
}
empty_route() { ./mvnw -q "${mvn_args[@]}" validate; }
# the tutorial's POM without the plugin (no parent, no .mvn of its own: nothing else differs)
python3 - examples/tutorial/pom.xml "$work/pom-without-plugin.xml" <<'PY'
import re, sys
pom = open(sys.argv[1], encoding="utf-8").read()
without = re.sub(r"\s*<plugin>\s*<groupId>dev\.ecrplugin</groupId>.*?</plugin>", "", pom, count=1, flags=re.S)
assert without != pom and "dev.ecrplugin" not in without, "the tutorial POM's ecr plugin element was not found"
open(sys.argv[2], "w", encoding="utf-8").write(without)
PY
lifecycle_route() { ./mvnw -q -B -f "$work/pom-without-plugin.xml" deploy; }

declare -a cw cc pw pc rw rc ew ec lw lc dw dc ow oc vw vc sw sc
run_cli() { stack/ecr-stack reset 2>/dev/null; read -r w c < <(measure cli_route); cw+=("$w"); cc+=("$c")
  read -r w c <"$work/docker.m"; dw+=("$w"); dc+=("$c")
  local kw kc tw tc; read -r kw kc <"$work/key.m"; read -r tw tc <"$work/tag2.m"
  sw+=($((cw[-1] - kw - tw))); sc+=($((cc[-1] - kc - tc))); } # the CLI route without key, profile and second tag
run_plugin() {
  stack/ecr-stack reset 2>/dev/null; rm -f "$AWS_SHARED_CREDENTIALS_FILE" "$AWS_CONFIG_FILE"
  read -r w c < <(measure plugin_route); pw+=("$w"); pc+=("$c"); goal_times "$work/mvn.log" >>"$work/goals"
  read -r w c < <(measure plugin_route); rw+=("$w"); rc+=("$c")
}
run_empty() { read -r w c < <(measure empty_route); ew+=("$w"); ec+=("$c")
  read -r w c < <(measure lifecycle_route); lw+=("$w"); lc+=("$c"); }
declare -a quiet # the rounds in which the host took (almost) no CPU from this machine (steal, see lib.sh)
hz=$(getconf CLK_TCK)
for i in $(seq 1 "$rounds"); do
  s0=$(steal_ticks)
  if [ $((i % 2)) -eq 1 ]; then run_cli; run_plugin; run_empty; else run_empty; run_plugin; run_cli; fi
  stolen=$(($(steal_ticks) - s0))
  [ $((stolen * 1000 / hz)) -le 500 ] && quiet+=("$((i - 1))")
  ow+=($((pw[-1] - lw[-1] - dw[-1]))); oc+=($((pc[-1] - lc[-1] - dc[-1])))
  vw+=($((pw[-1] - ew[-1] - dw[-1]))); vc+=($((pc[-1] - ec[-1] - dc[-1])))
  echo "round $i: wall/cpu ms: cli ${cw[-1]}/${cc[-1]}, plugin ${pw[-1]}/${pc[-1]}, rerun ${rw[-1]}/${rc[-1]}," \
    "empty mvn ${ew[-1]}/${ec[-1]}, lifecycle ${lw[-1]}/${lc[-1]}, docker ${dw[-1]}/${dc[-1]}," \
    "plugin's own ${ow[-1]}/${oc[-1]}, cli without key, profile and second tag ${sw[-1]}/${sc[-1]}; steal $((stolen * 1000 / hz)) ms"
done

m() { median "$@"; }
echo "median of $rounds (wall / cpu ms): cli $(m "${cw[@]}") / $(m "${cc[@]}"), plugin $(m "${pw[@]}") / $(m "${pc[@]}")," \
  "rerun $(m "${rw[@]}") / $(m "${rc[@]}"), empty mvn $(m "${ew[@]}") / $(m "${ec[@]}")," \
  "lifecycle $(m "${lw[@]}") / $(m "${lc[@]}"), docker $(m "${dw[@]}") / $(m "${dc[@]}")"
echo "plugin's own cost (plugin - lifecycle without the plugin - docker): wall $(m "${ow[@]}") ms, cpu $(m "${oc[@]}") ms"
echo "  the same against the empty mvn validate (plugin - empty mvn - docker): wall $(m "${vw[@]}") ms, cpu $(m "${vc[@]}") ms"
awk -v c="$(m "${cw[@]}")" -v p="$(m "${pw[@]}")" -v r="$(m "${rw[@]}")" -v cc="$(m "${cc[@]}")" -v pc="$(m "${pc[@]}")" \
  'BEGIN { printf "ratio plugin/cli: %.2f wall, %.2f cpu\nratio rerun/cli: %.2f wall\n", p/c, pc/cc, r/c }'
awk -v s="$(m "${sw[@]}")" -v sc="$(m "${sc[@]}")" -v p="$(m "${pw[@]}")" -v pc="$(m "${pc[@]}")" \
  'BEGIN { printf "  against the CLI route without the key, the profile and the second tag (%d / %d ms): %.2f wall, %.2f cpu\n",
    s, sc, p/s, pc/sc }'
if [ ${#quiet[@]} -gt 0 ] && [ ${#quiet[@]} -lt "$rounds" ]; then # the same medians over the quiet rounds alone
  q() { local -n all=$1; local k; for k in "${quiet[@]}"; do echo "${all[$k]}"; done; }
  echo "the ${#quiet[@]} rounds with at most 0.5 s of steal: cli $(m $(q cw)) / $(m $(q cc)), plugin $(m $(q pw)) /" \
    "$(m $(q pc)), lifecycle $(m $(q lw)) / $(m $(q lc)); plugin's own cost wall $(m $(q ow)) ms, cpu $(m $(q oc)) ms;" \
    "ratio plugin/cli $(awk -v p="$(m $(q pw))" -v c="$(m $(q cw))" 'BEGIN { printf "%.2f", p / c }') wall" \
    "($(awk -v p="$(m $(q pw))" -v c="$(m $(q sw))" 'BEGIN { printf "%.2f", p / c }') without key, profile, second tag)"
fi
echo "time of each goal (median ms, first run of each round), and beyond its AWS calls and docker commands:"
goal_medians "$work/goals"
steal_note
