#!/usr/bin/env bash
# Check the drafts changed since a base ref with termcheck, before they are published.
#
#   ci/pre-publish.sh [BASE] [--] [TERMCHECK OPTION...]
#
# BASE is a branch, tag or commit (default: $TERMCHECK_BASE, else origin/main). The drafts are the
# Markdown, plain text, PO/POT and XLIFF files added, copied, modified or renamed between the merge
# base of BASE and HEAD (committed changes; deleted files are skipped). Every other argument goes to
# `termcheck check` unchanged, e.g. `--fail-on error` or `--terms default --terms house.yaml`.
#
# Environment:
#   TERMCHECK_BASE   base ref when no BASE argument is given (default origin/main)
#   TERMCHECK_PATHS  limit the search to these pathspecs, space separated (default: the repository)
#   TERMCHECK        the termcheck command to run (default: termcheck, found on PATH)
#
# Exit status: termcheck's (0 clean, 1 findings, 2 unreadable input or usage error); 0 with a
# message when no draft changed; 2 when BASE is unknown or this is not a git repository.
set -euo pipefail

usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p;}' "$0"
}

base="${TERMCHECK_BASE:-origin/main}"
case "${1-}" in
  -h | --help) usage; exit 0 ;;
  --) shift ;;
  -* | '') ;;
  *)
    base="$1"
    shift
    if [ "${1-}" = "--" ]; then shift; fi
    ;;
esac
termcheck="${TERMCHECK:-termcheck}"

if ! top_prefix="$(git rev-parse --show-cdup 2>/dev/null)"; then
  echo "pre-publish: not inside a git repository" >&2
  exit 2
fi
if ! git rev-parse --verify --quiet "${base}^{commit}" >/dev/null; then
  echo "pre-publish: unknown base '${base}' (fetch it, or give another branch, tag or commit)" >&2
  exit 2
fi

pathspecs=()
if [ -n "${TERMCHECK_PATHS-}" ]; then
  read -r -a specs <<<"$TERMCHECK_PATHS"
  for spec in ${specs[@]+"${specs[@]}"}; do
    pathspecs+=(":(top)$spec") # relative to the top of the repository, like git's output
  done
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/pre-publish.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
changed="$tmp/changed"
list="$tmp/drafts"

# -z: NUL-separated and unquoted, so names with spaces or accents come through as they are.
git diff --name-only -z --diff-filter=ACMR "${base}...HEAD" -- ${pathspecs[@]+"${pathspecs[@]}"} \
  >"$changed"

count=0
: >"$list"
while IFS= read -r -d '' path; do
  case "$path" in
    *.[mM][dD] | *.[mM][aA][rR][kK][dD][oO][wW][nN] | *.[tT][xX][tT] | *.[tT][eE][xX][tT] | \
      *.[pP][oO] | *.[pP][oO][tT] | *.[xX][lL][fF] | *.[xX][lL][iI][fF][fF]) ;;
    *) continue ;;
  esac
  case "$path" in
    *$'\n'* | *[[:space:]])
      # --files-from reads one path a line, with the line's ends trimmed.
      printf 'pre-publish: skipped %q: its name cannot be listed for termcheck\n' "$path" >&2
      continue
      ;;
  esac
  path="${top_prefix}${path}"
  [ -f "$path" ] || continue # deleted or moved away in the working tree since
  case "$path" in
    '#'* | [[:space:]]*) path="./$path" ;; # a line starting with # is a comment for termcheck
  esac
  printf '%s\n' "$path" >>"$list"
  count=$((count + 1))
done <"$changed"

if [ "$count" -eq 0 ]; then
  echo "pre-publish: no draft changed since ${base}; nothing to check"
  exit 0
fi

echo "pre-publish: checking ${count} draft(s) changed since ${base}" >&2
status=0
"$termcheck" check --files-from "$list" "$@" || status=$?
exit "$status"
