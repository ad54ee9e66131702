#!/usr/bin/env bash
# How the cost grows with the work: N repositories, each with a repository policy and a pushed image, done by the
# AWS CLI + docker route (per repository: create-repository, set-repository-policy, docker tag, docker push; one
# get-login-password | docker login) against one `mvn` with N executions each of create-repository,
# set-repository-policy and push. Side by side in one run, moto wiped before each route, rounds alternating.
# Prints, for N = 1, 5 and 20, the medians, the ratio plugin/cli, and what each repository after the first costs;
# and the floor of the ratio: a route with no cost of the plugin's own would still take Maven's own run of the POM
# (`mvn validate -Decr.skip`: Maven's start, the POM, the plugin's descriptor, 3N skipped goals; measured in the same
# rounds) plus the docker commands (login, then tag and push per repository; timed inside the CLI route).
#
#   stack/ecr-stack up && stack/ecr-stack run bench/growth.sh [ROUNDS]   (default 3)
. "$(dirname "$0")/lib.sh"
rounds=${1:-3}
ensure_myapp_image
export DOCKER_CONFIG=$work/docker-config
sed 's/\${aws.accountId}/123456789012/' examples/tutorial/usr1Policy.json >"$work/policy.json"

pom_for() { # N: a POM with N create-repository, set-repository-policy and push executions
  {
    echo "<project><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>growth</artifactId>"
    echo "<version>1</version><packaging>pom</packaging><build><plugins><plugin>"
    echo "<groupId>dev.ecrplugin</groupId><artifactId>ecr-maven-plugin</artifactId><version>$version</version>"
    echo "<configuration><image>myapp:1.0</image><tags><tag>1.0</tag></tags>"
    echo "<repositoryPolicyFile>$work/policy.json</repositoryPolicyFile></configuration><executions>"
    for i in $(seq 1 "$1"); do
      echo "<execution><id>r$i</id><phase>validate</phase>"
      echo "<goals><goal>create-repository</goal><goal>set-repository-policy</goal><goal>push</goal></goals>"
      echo "<configuration><repositoryName>growth-$i</repositoryName></configuration></execution>"
    done
    echo "</executions></plugin></plugins></build></project>"
  } >"$work/pom-$1.xml"
}

cli() { # and the docker commands' own time to $work/docker.ms
  local a=("$aws" --endpoint-url "$ECR_STACK_ENDPOINT" --region us-east-1 --output text) i t0 d
  "${a[@]}" ecr get-login-password >"$work/token"
  t0=$(ms); docker login -u AWS --password-stdin "$ECR_STACK_REGISTRY" <"$work/token" >/dev/null 2>&1; d=$(($(ms) - t0))
  rm -f "$work/token"
  for i in $(seq 1 "$1"); do
    "${a[@]}" ecr create-repository --repository-name "growth-$i" >/dev/null
    "${a[@]}" ecr set-repository-policy --repository-name "growth-$i" --policy-text "file://$work/policy.json" >/dev/null
    t0=$(ms)
    docker tag myapp:1.0 "$ECR_STACK_REGISTRY/growth-$i:1.0"
    docker push -q "$ECR_STACK_REGISTRY/growth-$i:1.0" >/dev/null
    d=$((d + $(ms) - t0))
  done
  echo "$d" >"$work/docker.ms"
}
plugin() {
  ./mvnw -B -q -f "$work/pom-$1.xml" validate -Decr.endpoint="$ECR_STACK_ENDPOINT" -Decr.region=us-east-1 \
    >"$work/mvn.log" 2>&1 || { cat "$work/mvn.log" >&2; exit 1; }
}
skipped() {
  ./mvnw -B -q -f "$work/pom-$1.xml" validate -Decr.skip >"$work/skip.log" 2>&1 || { cat "$work/skip.log" >&2; exit 1; }
}
fresh() { stack/ecr-stack reset 2>/dev/null; rm -rf "$DOCKER_CONFIG"; }

declare -A med_c med_p
for n in 1 5 20; do
  pom_for "$n"
  c=(); p=(); f=()
  for i in $(seq 1 "$rounds"); do
    if [ $((i % 2)) -eq 1 ]; then fresh; c+=("$(timed cli "$n")"); fresh; p+=("$(timed plugin "$n")")
      s=$(timed skipped "$n")
    else fresh; p+=("$(timed plugin "$n")"); s=$(timed skipped "$n"); fresh; c+=("$(timed cli "$n")"); fi
    d=$(cat "$work/docker.ms"); f+=($((s + d)))
  done
  med_c[$n]=$(median "${c[@]}"); med_p[$n]=$(median "${p[@]}")
  awk -v n="$n" -v c="${med_c[$n]}" -v p="${med_p[$n]}" -v f="$(median "${f[@]}")" \
    'BEGIN { printf "N=%d: cli %d ms, plugin %d ms, ratio plugin/cli %.2f; floor (mvn -Decr.skip + docker alone) %d ms, %.2f of the cli\n",
      n, c, p, p/c, f, f/c }'
done
awk -v c1="${med_c[1]}" -v c20="${med_c[20]}" -v p1="${med_p[1]}" -v p20="${med_p[20]}" \
  'BEGIN { printf "each repository after the first (N=1 to N=20): cli %d ms, plugin %d ms\n", (c20-c1)/19, (p20-p1)/19 }'
steal_note
