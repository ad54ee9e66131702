#!/usr/bin/env bash
# What `push` of three tags saves now that the tags after the first go to ECR with PutImage instead of a docker push
# each: one `mvn` (create-repository, then push of a three-layer image under three tags) with the plugin as it was
# before (REV_BEFORE: one docker push per tag) and as it is (REV_AFTER), side by side (bench/compare-builds.sh).
#
#   stack/ecr-stack up && stack/ecr-stack run bench/three-tags.sh REV_BEFORE REV_AFTER [ROUNDS]   (default 5)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
: "${ECR_STACK_ENDPOINT:?run through the stack: stack/ecr-stack run bench/three-tags.sh REV_BEFORE REV_AFTER}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if ! docker image inspect bench-three:1 >/dev/null 2>&1; then # three layers of 20 MB each, made offline
  for i in 1 2 3; do head -c 20000000 /dev/urandom >"$dir/layer$i.bin"; done
  printf 'FROM scratch\nCOPY layer1.bin /\nCOPY layer2.bin /\nCOPY layer3.bin /\n' >"$dir/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q -t bench-three:1 "$dir" >/dev/null
  rm -f "$dir"/layer*.bin
fi
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$top/pom.xml" | head -1)
cat >"$dir/pom.xml" <<POM
<project><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>three-tags</artifactId>
<version>1</version><packaging>pom</packaging><build><plugins><plugin>
<groupId>dev.ecrplugin</groupId><artifactId>ecr-maven-plugin</artifactId><version>$version</version>
<configuration><repositoryName>three-tags</repositoryName><image>bench-three:1</image>
<tags><tag>1.0</tag><tag>stable</tag><tag>latest</tag></tags></configuration>
<executions><execution><id>push</id><phase>validate</phase>
<goals><goal>create-repository</goal><goal>push</goal></goals></execution></executions>
</plugin></plugins></build></project>
POM
BENCH_POM="$dir/pom.xml" BENCH_GOALS=validate "$top/bench/compare-builds.sh" "${1:?REV_BEFORE}" "${2:?REV_AFTER}" "${3:-5}"
