#!/usr/bin/env bash
# `npm test`'s steps before jest, in two lanes that share no output: type-check then lint, and the pages'
# build then the command line's. Two lanes use both cores of a small CI machine (each step is mostly one
# thread). Each lane's log is printed whole when it ends, with its time; any failing step fails the run.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

lane() {
  local name=$1
  shift
  local start=$SECONDS status=0
  {
    for step in "$@"; do
      echo "> npm run $step"
      npm run --silent "$step" || { status=$?; break; }
    done
  } >"$logs/$name.log" 2>&1
  echo "$status $((SECONDS - start))" >"$logs/$name.status"
}

lane checks typecheck lint &
lane build build build:cli &
wait

failed=0
for name in checks build; do
  read -r status seconds <"$logs/$name.status"
  printf '\n---- %s (%s s) ----\n' "$name" "$seconds"
  cat "$logs/$name.log"
  ((status == 0)) || failed=1
done
exit $failed
