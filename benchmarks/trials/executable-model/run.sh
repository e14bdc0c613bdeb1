#!/bin/sh
# The executable-model trial of issue 19 (README.md). Needs benchmarks/target/benchmarks.jar:
#   ./mvnw -q -B -DskipTests package -pl benchmarks -am
# Usage: benchmarks/trials/executable-model/run.sh mvel|executable
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$here/target"
mkdir -p "$out/classes"
"$root/mvnw" -q -B -f "$here/pom.xml" dependency:build-classpath \
  -Dmdep.outputFile="$out/classpath.txt"
cp="$root/benchmarks/target/benchmarks.jar:$(cat "$out/classpath.txt")"
javac -nowarn -cp "$cp" -d "$out/classes" \
  "$here/src/io/github/loyaltyrules/rules/internal/ExecutableModelTrial.java"
exec java -cp "$out/classes:$cp" io.github.loyaltyrules.rules.internal.ExecutableModelTrial "$@"
