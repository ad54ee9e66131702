#!/bin/sh
# a docker client that never answers
exec sleep 120
