#!/usr/bin/env bash
# flink-scaling.sh: records/s of the Flink batch job (engine/flink) at parallelism 1 and 2, and their ratio.
#
#   bench/flink-scaling.sh [RECORDS] [RUNS]      # default 40000 records, best of 3 runs each
#
# Builds engine/flink and the modules it needs (reactor build, tests skipped; nothing installed into
# ~/.m2), then runs org.promptcensus.flink.ScalingBench from the module's test classes on a local
# MiniCluster (one JVM, two slots): simulated traffic (census simulate, seed 1) tagged by the batch
# job (read, tag, tagged files, dead letters, the mix), timed end to end, engine start-up included.
# The ratio is only meaningful on an otherwise idle machine with at least two cores.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
records="${1:-40000}"
runs="${2:-3}"
cd "$root"
mvn -B -q -pl engine/flink -am -DskipTests -DskipITs package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="engine/flink/target/test-classes:engine/flink/target/classes:$(cat engine/flink/target/bench-classpath.txt)"
exec java ${JAVA_OPTS:--Xmx3g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
    org.promptcensus.flink.ScalingBench "$records" "$runs"
