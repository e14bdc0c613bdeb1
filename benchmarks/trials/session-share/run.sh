#!/bin/sh
# The session-share trial of issue 19 (README.md). Needs benchmarks/target/benchmarks.jar:
#   ./mvnw -q -B -DskipTests package -pl benchmarks -am
# Usage: benchmarks/trials/session-share/run.sh default|hollow [uncounted]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$here/target"
mkdir -p "$out/classes"
cp="$root/benchmarks/target/benchmarks.jar"
javac -nowarn -cp "$cp" -d "$out/classes" \
  "$here/src/io/github/loyaltyrules/rules/internal/SessionShareTrial.java"
exec java -cp "$out/classes:$cp" io.github.loyaltyrules.rules.internal.SessionShareTrial "$@"
