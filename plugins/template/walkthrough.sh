#!/usr/bin/env bash
# Follows docs/plugins.md literally, as a new user would: copy the template, choose an id, try the
# rules, train, evaluate, build and test the plugin, install it, and tag with it. The template's
# rules and corpus stand in for the ones a user would write. Fails at the first step that does not
# give what the document says.
#
#   plugins/template/walkthrough.sh
#
# CENSUS_WALKTHROUGH_SKIP_INSTALL=1 skips step 0 (the engine is built and installed already);
# CENSUS_WALKTHROUGH_KEEP=1 keeps the work folder.
set -euo pipefail
start=$SECONDS
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/census-walkthrough.XXXXXX")"
if [ -z "${CENSUS_WALKTHROUGH_KEEP:-}" ]; then
  trap 'rm -rf "$work"' EXIT
fi
step() { echo "walkthrough: $* ($(( SECONDS - start )) s)" >&2; }
fail() { echo "walkthrough: FAILED: $*" >&2; exit 1; }
expect() { # expect FILE REGEX WHAT: the output FILE has a line matching REGEX
  grep -Eq "$2" "$1" || { cat "$1" >&2; fail "$3"; }
}

step "0. before you start"
export CENSUS_HOME="$(cd "$here/../.." && pwd)"   # the repository root
cd "$CENSUS_HOME"
if [ -z "${CENSUS_WALKTHROUGH_SKIP_INSTALL:-}" ]; then
  mvn -B -q install -DskipTests
fi
export PATH="$CENSUS_HOME:$PATH"

step "1. copy the template (the document's ~ is $work)"
cd "$work"
cp -r "$CENSUS_HOME/plugins/template" census-courtesy
cd census-courtesy

step "2. choose your id"
grep -rlw tone --include='*.xml' --include='*.yaml' --include='*.jsonl' --include='*.java' . | xargs sed -i 's/\btone\b/courtesy/g'
if grep -rlw tone --include='*.xml' --include='*.yaml' --include='*.jsonl' --include='*.java' . >&2; then
  fail "the id 'tone' is left in the files above"
fi
expect taxonomy/taxonomy.yaml '^id: courtesy$' "taxonomy.yaml has the new id"
expect pom.xml '<plugin.id>courtesy</plugin.id>' "pom.xml has the new plugin id"

step "3. define your categories (nothing to run: the template's polite and rude stand in for yours)"

step "4. try the rules"
census tag --taxonomy-dir taxonomy --taxonomy courtesy --text "Could you please help me? Thanks!" > step4.txt
expect step4.txt '^courtesy +polite +0\.[5-9]' "the rules tag a polite request 'polite'"

step "5. train the model"
census train --taxonomy-dir taxonomy --corpus corpus/train.jsonl
[ -s taxonomy/model.bin ] || fail "census train wrote no taxonomy/model.bin"

step "6. evaluate"
census eval --taxonomy-dir taxonomy --taxonomy courtesy --gold corpus/test.jsonl --min-support 5 > eval.txt
expect eval.txt '^taxonomy courtesy: 12 records, accuracy' "census eval reports on the 12 test records"
expect eval.txt '^polite +[0-9.]+ +[0-9.]+ +[0-9.]+ +6 ' "census eval has a row for polite"

step "7. build and test the plugin"
mvn -B verify > build.log 2>&1 || { tail -80 build.log >&2; fail "mvn -B verify"; }
[ -f target/census-plugin-courtesy-1.0.0.jar ] || fail "no target/census-plugin-courtesy-1.0.0.jar"
expect build.log 'Tests run: [0-9]+, Failures: 0, Errors: 0.*ConformanceIT' "the conformance test ran and passed"

step "8. install"
mkdir -p ../census-plugins
cp target/census-plugin-courtesy-1.0.0.jar ../census-plugins/
census plugins --plugins-dir ../census-plugins > plugins.txt
expect plugins.txt '^courtesy +1\.0\.0 +started +taxonomy:courtesy$' "census plugins lists the plugin, started"

step "9. tag"
census tag --plugins-dir ../census-plugins --taxonomy usecase,courtesy --text "Thanks a lot! Could you please write a haiku about rain?" > tag.txt
cat tag.txt >&2
expect tag.txt '^usecase +[a-z_]+ +[01]\.[0-9]{3}' "the usecase tags are shown"
expect tag.txt '^courtesy +polite +[01]\.[0-9]{3}' "the new taxonomy tags the request 'polite'"

step "OK: from copy to census tag in $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
