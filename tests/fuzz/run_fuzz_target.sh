#!/usr/bin/env bash
# Runs one libFuzzer binary for a while: seeds from the source tree's corpus/<name>/ and
# dictionary <name>.dict (when there is one), new inputs kept in BUILD/corpus-<name>/,
# crashes written to BUILD/crashes-<name>/. Exits non-zero when the fuzzer fails, printing
# the reproducer and how to rerun it.
#   run_fuzz_target.sh BINARY FUZZ_SOURCE_DIR FUZZ_BUILD_DIR SECONDS [libFuzzer options…]
set -euo pipefail
binary=$1 source_dir=$2 build_dir=$3 seconds=$4
shift 4
name=$(basename "$binary")
corpus="$build_dir/corpus-$name"
crashes="$build_dir/crashes-$name"
log="$build_dir/$name.log"
mkdir -p "$corpus" "$crashes"
dict=()
if [ -f "$source_dir/$name.dict" ]; then dict=(-dict="$source_dir/$name.dict"); fi

started=$(date +%s)
set +e
"$binary" "$corpus" "$source_dir/corpus/$name" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" "$@" >"$log" 2>&1
status=$?
set -e
if [ "$status" -ne 0 ]; then
  tail -n 60 "$log"
  reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
  echo "FUZZ FAILURE in $name (exit $status); full log: $log"
  [ -n "$reproducer" ] && echo "reproducer: $reproducer  (rerun: $binary $reproducer)"
  exit 1
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
echo "$name: ${runs:-?} inputs in $(( $(date +%s) - started )) s, corpus $(ls "$corpus" | wc -l) files, no failure"
