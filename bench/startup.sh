#!/usr/bin/env bash
# Measures cogform's start-up (issue 11 §6; docs/performance.md, "Start-up"): `--help` against a bare
# `java -version`, `validate` of 1,000 and 5,000 clients, and a 200-client `plan`'s time to its first
# request. "before" is `java -jar JAR` with no options (how the launcher ran the jar before); "after"
# is the `./cogform` launcher (class-data archive, JIT flags per command). Pass BEFORE_JAR=path to
# compare another build's jar the same way (e.g. one built from an older commit). Runs alternate
# (bench/startup/paired-runs.py), so a shared machine's load hits both sides alike.
#   usage: bench/startup.sh [RUNS]     (default 10; needs python3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
jar="$root/cli/target/cogform.jar"
before="${BEFORE_JAR:-$jar}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

"$root/cogform" --version >/dev/null # builds the jar and records the archive, if needed
"$root/bench/startup/gen-stack.sh" "$work/s1000" 1000
"$root/bench/startup/gen-stack.sh" "$work/s5000" 5000
"$root/bench/startup/gen-stack.sh" "$work/p200" 200 5 "http://127.0.0.1:$port"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
paired="$root/bench/startup/paired-runs.py"
python3 "$paired" --runs "$runs" \
  "java -version=java -version" \
  "before --help=java -jar $before --help" "after --help=$root/cogform --help"
python3 "$paired" --runs "$runs" \
  "before validate 1000=java -jar $before -C $work/s1000 validate" \
  "after validate 1000=$root/cogform -C $work/s1000 validate"
python3 "$paired" --runs "$runs" \
  "before validate 5000=java -jar $before -C $work/s5000 validate" \
  "after validate 5000=$root/cogform -C $work/s5000 validate"
# Dummy credentials keep the SDK's credential chain from looking further (an instance profile, say).
AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench python3 "$paired" --port "$port" --runs "$runs" \
  "before plan 200=java -jar $before -C $work/p200 plan" "after plan 200=$root/cogform -C $work/p200 plan"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
