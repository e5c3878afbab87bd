#!/usr/bin/env bash
# Runs the persession Spark job in local mode on this machine, without a Spark installation: Spark's own jars come
# from the Maven build (the module's provided dependencies), the job from the job jar, exactly what spark-submit
# would put together. Arguments are the job's (see docs/spark.md); the JSON result goes to stdout.
#
#   spark/run-local.sh --definition ua --option zone=Europe/Berlin events.csv
#
# Environment: SPARK_LOCAL_THREADS (default 2), SPARK_DRIVER_MEMORY (default 4g), MVN_FLAGS (e.g. -o).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
target="$here/target"
jar="$(ls "$target"/persession-spark-*-job.jar 2>/dev/null | head -1 || true)"
if [ -z "$jar" ] || [ -n "$(find "$root" -path '*/src/main/*' -newer "$jar" -print -quit)" ] || [ "$root/pom.xml" -nt "$jar" ]; then
  echo "run-local: building the job jar ..." >&2
  (cd "$root" && ./mvnw -B -q ${MVN_FLAGS:-} install -DskipTests -pl spark -am) >&2
  jar="$(ls "$target"/persession-spark-*-job.jar | head -1)"
fi
classpath="$target/spark-classpath.txt"
options="$target/spark-jvm-options.txt"
if [ ! -s "$classpath" ] || [ "$here/pom.xml" -nt "$classpath" ] || [ ! -s "$options" ] || [ "$here/pom.xml" -nt "$options" ]; then
  (cd "$root" && ./mvnw -B -q ${MVN_FLAGS:-} -pl spark dependency:build-classpath -Dmdep.includeScope=provided \
      -Dmdep.outputFile="$classpath") >&2
  # the JVM options Spark's launcher would give (the module's spark.test.argLine, less its test heap)
  (cd "$root" && ./mvnw -B -q ${MVN_FLAGS:-} -pl spark org.apache.maven.plugins:maven-help-plugin:3.5.2:evaluate -Dexpression=spark.test.argLine -DforceStdout) \
      | tr -s ' \n' '\n\n' | grep -v '^-Xmx' | grep . > "$options"
fi
export SPARK_LOCAL_IP=127.0.0.1
exec java $(cat "$options") -Dlog4j2.configurationFile="$here/log4j2-local.properties" -Xmx"${SPARK_DRIVER_MEMORY:-4g}" -cp "$jar:$(cat "$classpath")" \
  -Dspark.master="local[${SPARK_LOCAL_THREADS:-2}]" -Dspark.app.name=persession \
  -Dspark.driver.bindAddress=127.0.0.1 -Dspark.driver.host=127.0.0.1 -Dspark.ui.enabled=false \
  -Dspark.serializer=org.apache.spark.serializer.KryoSerializer -Dspark.ui.showConsoleProgress=false -Dspark.sql.shuffle.partitions="${SPARK_LOCAL_THREADS:-2}" \
  io.persession.spark.SparkAnalyzeCommand "$@"
