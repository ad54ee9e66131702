#!/bin/sh
# the stack's docker, each command line appended to docker-commands.log beside this script first (no secret: the
# password of docker login goes on stdin)
printf '%s\n' "$*" >>"$(dirname "$0")/docker-commands.log"
exec docker "$@"
