# Shared by the benchmarks: source it first. Checks the stack and the CLI, installs the plugin, and gives
# $top (the checkout, also the working directory), $aws, $work (a temporary folder) and ms/timed/median.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
: "${ECR_STACK_ENDPOINT:?run through the stack: stack/ecr-stack run bench/NAME.sh}"
aws=/usr/bin/aws
[ -x "$aws" ] || { echo "needs the AWS CLI v2 at /usr/bin/aws (apt-get install -y awscli)" >&2; exit 1; }
./mvnw -B -q install -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ms() { date +%s%N | cut -c1-13; }
timed() { local t0; t0=$(ms); "$@" >&2; echo $(($(ms) - t0)); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
