#!/usr/bin/env bash
# Where the plugin's cost goes as the work grows: N repositories created by N `aws ecr create-repository` calls
# against one `mvn` run with N create-repository executions, side by side in one run (moto wiped before each).
# Prints the medians and the ratio plugin/cli for N=1 and N=20.
#
#   stack/ecr-stack up && stack/ecr-stack run bench/growth.sh [ROUNDS]   (default 3)
. "$(dirname "$0")/lib.sh"
rounds=${1:-3}
version=$(./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null)

pom_for() { # N: a POM with N create-repository executions
  {
    echo "<project><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>growth</artifactId>"
    echo "<version>1</version><packaging>pom</packaging><build><plugins><plugin>"
    echo "<groupId>dev.ecrplugin</groupId><artifactId>ecr-maven-plugin</artifactId><version>$version</version><executions>"
    for i in $(seq 1 "$1"); do
      echo "<execution><id>r$i</id><phase>validate</phase><goals><goal>create-repository</goal></goals>"
      echo "<configuration><repositoryName>growth-$i</repositoryName></configuration></execution>"
    done
    echo "</executions></plugin></plugins></build></project>"
  } >"$work/pom-$1.xml"
}

cli() { for i in $(seq 1 "$1"); do
  "$aws" --endpoint-url "$ECR_STACK_ENDPOINT" --region us-east-1 ecr create-repository --repository-name "growth-$i" >/dev/null
done; }
plugin() { ./mvnw -B -q -f "$work/pom-$1.xml" validate -Decr.endpoint="$ECR_STACK_ENDPOINT" -Decr.region=us-east-1; }

for n in 1 20; do
  pom_for "$n"
  c=(); p=()
  for _ in $(seq 1 "$rounds"); do
    stack/ecr-stack reset 2>/dev/null; c+=("$(timed cli "$n")")
    stack/ecr-stack reset 2>/dev/null; p+=("$(timed plugin "$n")")
  done
  mc=$(median "${c[@]}"); mp=$(median "${p[@]}")
  awk -v n="$n" -v c="$mc" -v p="$mp" 'BEGIN { printf "N=%d: cli %d ms, plugin %d ms, ratio plugin/cli %.2f\n", n, c, p, p/c }'
done
