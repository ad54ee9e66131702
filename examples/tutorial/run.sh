#!/usr/bin/env bash
# The tutorial's whole workflow on the local stack, through the plugin: run it as
#   stack/ecr-stack up && stack/ecr-stack run examples/tutorial/run.sh
# It installs the plugin, makes a tiny local image myapp:1.0 (docker import: no base image, no network), then
# `mvn deploy` on examples/tutorial/pom.xml provisions authOnly, usr1 (+ profile), repo1 and its policy, and logs
# in, pushes and pulls as usr1. Run it twice: the second run changes nothing and says so.
# Only moto's address is passed (-Decr.endpoint): docker logs in, pushes and pulls where ECR's token points,
# 123456789012.dkr.ecr.us-east-1.amazonaws.com, over TLS (the stack's dockerd resolves it into the stack's
# network namespace and trusts the stack's CA), as it would on AWS.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
: "${ECR_STACK_ENDPOINT:?run through the stack: stack/ecr-stack run examples/tutorial/run.sh}"

./mvnw -B -q install -DskipTests

if ! docker image inspect myapp:1.0 >/dev/null 2>&1; then
  work=$(mktemp -d)
  echo "hello from myapp" >"$work/hello.txt"
  tar -C "$work" -cf "$work/img.tar" hello.txt
  docker import "$work/img.tar" myapp:1.0 >/dev/null
  rm -rf "$work"
  echo "Imported a tiny local image myapp:1.0"
fi

# usr1's access key goes to a credentials file of the example's own, not to ~/.aws
mkdir -p examples/tutorial/target
export AWS_SHARED_CREDENTIALS_FILE="$top/examples/tutorial/target/aws-credentials"

./mvnw -B -f examples/tutorial/pom.xml deploy \
  -Decr.endpoint="$ECR_STACK_ENDPOINT" -Decr.region=us-east-1 "$@"
