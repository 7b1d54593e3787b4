#!/usr/bin/env bash
# Compiles the C++ blocks of README.md. Each ```cpp block must follow a marker
# line that says how it compiles:
#   <!-- compiled: model -->          a model header: read by the structmig
#                                     generator (a fresh history, so every
#                                     model mistake fails) and compiled
#   <!-- compiled: unit -->           a whole translation unit, as it is
#   <!-- compiled: declarations -->   namespace-scope code after the public
#                                     headers (model.hpp, migration.hpp, orm.hpp)
#   <!-- compiled: snippet(PARAMS) --> statements: its #include lines go on
#                                     top, the rest becomes the body of a
#                                     function taking PARAMS (the names the
#                                     snippet uses but does not declare)
# <support_migrations/models.hpp> is the metadata the generator wrote for the
# model blocks. A ```cpp block without a marker fails the test, and so does a
# link that leaves the repository or points at nothing.
# Usage: readme_code.sh README.md WORK_DIR STRUCTMIG_TOOL CXX INCLUDE_DIRS(:-separated)
set -euo pipefail
readme=$1 work=$2 tool=$3 cxx=$4 include_dirs=$5

# Every link of the README stays inside the repository and exists.
root=$(cd "$(dirname "$readme")" && pwd)
links_ok=1
while IFS= read -r target; do
  [[ $target =~ ^(https?:|mailto:|#) ]] && continue
  path=${target%%#*}
  resolved=$(realpath -m "$root/$path")
  if [[ $resolved != "$root"/* || ! -e $resolved ]]; then
    echo "$readme: the link ($target) points outside the repository or at nothing" >&2
    links_ok=0
  fi
done < <(grep -o '](\([^)]*\))' "$readme" | sed 's/^](//; s/)$//')
if grep -n '\.\./' "$readme" >&2; then
  echo "$readme: the lines above name a path outside the repository (../)" >&2
  links_ok=0
fi
[[ $links_ok -eq 1 ]] || exit 1

rm -rf "$work"
mkdir -p "$work/blocks" "$work/models" "$work/include/support_migrations" "$work/migrations"

# Split the README into blocks/NN.kind (first line: the marker's argument).
awk -v out="$work/blocks" -v readme="$readme" '
  /^<!-- compiled: .* -->$/ {
    marker = $0; sub(/^<!-- compiled: /, "", marker); sub(/ -->$/, "", marker); marker_line = NR; next
  }
  /^```cpp$/ {
    if (marker == "" || marker_line != NR - 1) {
      printf "%s:%d: a ```cpp block without a <!-- compiled: ... --> line right above it\n", readme, NR > "/dev/stderr"
      failed = 1
    }
    n++; file = sprintf("%s/%02d", out, n); in_block = 1
    print marker > file; print NR + 1 >> file
    marker = ""; next
  }
  in_block && /^```$/ { in_block = 0; close(file); next }
  in_block { print >> file }
  END { if (in_block) { print readme ": an unterminated ```cpp block" > "/dev/stderr"; failed = 1 }
        exit failed }
' "$readme"

includes=()
IFS=: read -r -a dirs <<<"$include_dirs"
for d in "${dirs[@]}"; do [[ -n $d ]] && includes+=("-I$d"); done
includes+=("-I$work/include" "-I$work/models")

models=()
snippets="$work/snippets.cpp"
: >"$snippets.head"
: >"$snippets.body"
units=()
for block in "$work"/blocks/*; do
  kind=$(sed -n 1p "$block")
  line=$(sed -n 2p "$block")
  n=$(basename "$block")
  body=$(tail -n +3 "$block")
  case $kind in
    model)
      header="$work/models/readme_model_$n.hpp"
      { echo "#pragma once"; echo "// README.md, line $line"; echo "$body"; } >"$header"
      models+=("$header")
      ;;
    unit)
      { echo "#line $line \"$readme\""; echo "$body"; } >"$work/unit_$n.cpp"
      units+=("$work/unit_$n.cpp")
      ;;
    declarations)
      { echo "namespace readme_block_$n {"; echo "#line $line \"$readme\""; echo "$body";
        echo "}  // namespace readme_block_$n"; } >>"$snippets.body"
      ;;
    snippet\(*\))
      params=${kind#snippet(}
      params=${params%)}
      grep '^#include' <<<"$body" >>"$snippets.head" || true
      { echo "[[maybe_unused]] void readme_block_$n($params) {"; echo "#line $line \"$readme\"";
        sed 's/^#include.*$//' <<<"$body"; echo "}"; } >>"$snippets.body"
      ;;
    *)
      echo "$readme:$((line - 2)): unknown marker <!-- compiled: $kind -->" >&2
      exit 1
      ;;
  esac
done
if [[ ${#models[@]} -eq 0 ]]; then
  echo "$readme: no <!-- compiled: model --> block" >&2
  exit 1
fi

# The generator reads the model blocks as a fresh project would (no history
# yet: it writes the first migration) and writes their metadata.
printf '%s\n' "${includes[@]}" >"$work/model_flags.txt"
"$tool" --migrations "$work/migrations" --index "$work/migrations_index.cpp" \
  --depfile "$work/models.d" --metadata-header "$work/include/support_migrations/models.hpp" \
  --schema-source "$work/compiled_schema.cpp" --flags-file "$work/model_flags.txt" "${models[@]}"

{
  echo "#include <string>"
  echo "#include <structmig/migration.hpp>"
  echo "#include <structmig/model.hpp>"
  echo "#include <structmig/orm.hpp>"
  echo "#include <structmig/startup.hpp>"
  echo "#include <support_migrations/models.hpp>"
  sort -u "$snippets.head"
  cat "$snippets.body"
} >"$snippets"

status=0
for source in "$snippets" "${units[@]}"; do
  if ! "$cxx" -std=c++20 -c -o "$source.o" "${includes[@]}" "$source"; then
    echo "readme_code: $(basename "$source") (from $readme) does not compile" >&2
    status=1
  fi
done
[[ $status -eq 0 ]] && echo "readme_code: ${#models[@]} model block(s) generated, every C++ block of $readme compiles"
exit $status
