#!/usr/bin/env bash
# The tutorial's whole workflow two ways, side by side in one run, on the local stack:
#   cli:    the AWS CLI v2 + docker route (5 provisioning calls, get-login-password | docker login, tag, push, pull)
#   plugin: one `mvn deploy` of examples/tutorial (the same steps through the plugin's seven goals)
#   rerun:  the same `mvn deploy` again on converged state (nothing to change)
# Each round wipes moto first (stack/ecr-stack reset) so both routes start from nothing; rounds alternate the
# routes so that machine noise falls on both. Prints medians and the ratios plugin/cli and rerun/cli.
#
#   stack/ecr-stack up && stack/ecr-stack run bench/tutorial-vs-cli.sh [ROUNDS]   (default 5)
. "$(dirname "$0")/lib.sh"
rounds=${1:-5}
if ! docker image inspect myapp:1.0 >/dev/null 2>&1; then
  echo "hello from myapp" >"$work/hello.txt"
  tar -C "$work" -cf "$work/img.tar" hello.txt
  docker import "$work/img.tar" myapp:1.0 >/dev/null
fi
export DOCKER_CONFIG=$work/docker-config AWS_SHARED_CREDENTIALS_FILE=$work/credentials
sed 's/\${aws.accountId}/123456789012/' examples/tutorial/usr1Policy.json >"$work/usr1Policy.json"

cli_route() {
  local a=("$aws" --endpoint-url "$ECR_STACK_ENDPOINT" --region us-east-1 --output text)
  "${a[@]}" iam create-policy --policy-name authOnly --policy-document file://examples/tutorial/authPolicy.json >/dev/null
  "${a[@]}" iam create-user --user-name usr1 >/dev/null
  "${a[@]}" iam attach-user-policy --user-name usr1 --policy-arn arn:aws:iam::123456789012:policy/authOnly
  "${a[@]}" ecr create-repository --repository-name repo1 >/dev/null
  "${a[@]}" ecr set-repository-policy --repository-name repo1 --policy-text "file://$work/usr1Policy.json" >/dev/null
  "${a[@]}" ecr get-login-password | docker login -u AWS --password-stdin "$ECR_STACK_REGISTRY" >/dev/null 2>&1
  docker tag myapp:1.0 "$ECR_STACK_REGISTRY/repo1:1.0"
  docker push -q "$ECR_STACK_REGISTRY/repo1:1.0" >/dev/null
  docker pull -q "$ECR_STACK_REGISTRY/repo1:1.0" >/dev/null
}

plugin_route() {
  ./mvnw -B -q -f examples/tutorial/pom.xml deploy -Decr.endpoint="$ECR_STACK_ENDPOINT" \
    -Decr.region=us-east-1 >"$work/mvn.log" 2>&1 \
    || { cat "$work/mvn.log" >&2; exit 1; }
}

declare -a cli plugin rerun
for i in $(seq 1 "$rounds"); do
  if [ $((i % 2)) -eq 1 ]; then
    stack/ecr-stack reset 2>/dev/null; cli+=("$(timed cli_route)")
    stack/ecr-stack reset 2>/dev/null; rm -f "$AWS_SHARED_CREDENTIALS_FILE"; plugin+=("$(timed plugin_route)")
    rerun+=("$(timed plugin_route)")
  else
    stack/ecr-stack reset 2>/dev/null; rm -f "$AWS_SHARED_CREDENTIALS_FILE"; plugin+=("$(timed plugin_route)")
    rerun+=("$(timed plugin_route)")
    stack/ecr-stack reset 2>/dev/null; cli+=("$(timed cli_route)")
  fi
  echo "round $i: cli ${cli[-1]} ms, plugin ${plugin[-1]} ms, plugin rerun ${rerun[-1]} ms"
done

c=$(median "${cli[@]}"); p=$(median "${plugin[@]}"); r=$(median "${rerun[@]}")
echo "median of $rounds: cli $c ms, plugin $p ms, plugin rerun $r ms"
awk -v c="$c" -v p="$p" -v r="$r" 'BEGIN { printf "ratio plugin/cli: %.2f\nratio rerun/cli: %.2f\n", p/c, r/c }'
