#!/usr/bin/env bash
# The install test, run by .ci/run after the README's test command (it builds a release,
# too slow for `swift test`): Scripts/install.sh --prefix into a temporary folder, then
# a full session from another folder, with no source tree in sight; a bad option is 64.
# Prints "N passed, N failed" and exits 1 on any failure.
set -uo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
cd "$(dirname "$0")/.."
# French, whatever the locale says (the program follows LC_ALL, LC_MESSAGES and LANG).
unset LC_ALL LC_MESSAGES LANG GOODBYE_LANG
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "test-install: FAILED: $1" >&2; fi; }

prefix="$work/préfixe"
Scripts/install.sh --prefix "$prefix" > "$work/install.log" 2>&1
check "install.sh exits 0" '[ $? -eq 0 ] || { cat "$work/install.log" >&2; false; }'
check "the binary is installed" '[ -x "$prefix/bin/goodbye" ]'
check "the content is installed" '[ -f "$prefix/share/goodbye/Localization/dialogue.ini" ]'
check "the binary is stripped" '! readelf -S "$prefix/bin/goodbye" | grep -q "\.symtab"'
check "the manual pages are installed" '[ -s "$prefix/share/man/man1/goodbye.1" ] && [ -s "$prefix/share/man/fr/man1/goodbye.1" ]'
check "man shows the page" 'MANPATH="$prefix/share/man" man -P cat goodbye 2>/dev/null | grep -q "EXIT STATUS"'
check "the completions are installed" '[ -s "$prefix/share/bash-completion/completions/goodbye" ] && [ -s "$prefix/share/zsh/site-functions/_goodbye" ] && [ -s "$prefix/share/fish/vendor_completions.d/goodbye.fish" ]'
mkdir "$work/ailleurs"
# Every sign but the last answered no, and pro bono no (as many as the content has: the
# program lists them), the last (late payment) yes; Enter at the review; at the letter's
# first question (what has been done to get paid), 6: nothing for now; no to the closing moment.
signs=$("$prefix/bin/goodbye" questions --format json | grep -c '"sign": ')
answers=$(printf 'non\n%.0s' $(seq "$signs"); printf 'oui\n\n6\nnon\n')
out=$(cd "$work/ailleurs" && printf '%s' "$answers" | "$prefix/bin/goodbye" --date 2026-11-29 2>&1)
status=$?
check "a full session from another folder exits 0" '[ $status -eq 0 ] || { echo "$out" >&2; false; }'
check "the session reaches its decision" 'grep -q "Vous pouvez partir" <<< "$out"'
# The content is compiled into the program: without share/goodbye it runs all the same.
rm -rf "$prefix/share/goodbye"
out=$(cd "$work/ailleurs" && printf '%s' "$answers" | "$prefix/bin/goodbye" --date 2026-11-29 2>&1)
status=$?
check "without share/goodbye, a full session exits 0" '[ $status -eq 0 ] || { echo "$out" >&2; false; }'
check "without share/goodbye, the session reaches its decision" 'grep -q "Vous pouvez partir" <<< "$out"'
out=$(cd "$work/ailleurs" && "$prefix/bin/goodbye" check 2>&1)
check "without share/goodbye, check validates the built-in content" '[ "$out" = "Contenu valide : contenu intégré au programme" ] || { echo "$out" >&2; false; }'
Scripts/install.sh --préfixe > /dev/null 2>&1
status=$?
check "an unknown option exits 64" '[ $status -eq 64 ]'
echo "test-install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
