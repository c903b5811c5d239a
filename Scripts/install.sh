#!/usr/bin/env bash
# Builds goodbye in release mode and installs it:
#   PREFIX/bin/goodbye (its content is compiled into it) and, as a copy to adapt with
#   --content, PREFIX/share/goodbye/Localization/ (the program does not need it)
#   Scripts/install.sh [--prefix DIR]     (default /usr/local)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=/usr/local
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix attend un dossier" >&2; exit 64; }; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help) sed -n 2,4p "$0"; exit 0 ;;
    *) echo "install.sh: option inconnue « $1 » (utilisez --prefix DOSSIER)" >&2; exit 64 ;;
  esac
done
# A statically linked Swift runtime starts faster and runs without the toolchain
# (see README, « Performances »).
# GOODBYE_BUILD_DIR: another build folder, for a build started while .build is locked
# (the tests install from inside `swift test`).
scratch=(--scratch-path "${GOODBYE_BUILD_DIR:-.build}")
swift build "${scratch[@]}" -c release --product goodbye --static-swift-stdlib
bin=$(swift build "${scratch[@]}" -c release --static-swift-stdlib --show-bin-path)
install -d "$prefix/bin" "$prefix/share/goodbye"
install -m 0755 "$bin/goodbye" "$prefix/bin/goodbye"
staging="$prefix/share/goodbye/.Localization.new"
rm -rf "$staging"
cp -R Localization "$staging"
rm -rf "$prefix/share/goodbye/Localization"
mv "$staging" "$prefix/share/goodbye/Localization"
echo "goodbye installé : $prefix/bin/goodbye (une copie du contenu à adapter avec --content : $prefix/share/goodbye/Localization)"
