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
# A fully static executable (the Swift runtime and the C library inside) starts in about
# the time of a hello-world, with less memory, and runs without the toolchain (see
# README, « Robustesse et performances »). Where the static C libraries are missing
# (libc6-dev, libstdc++-12-dev), the Swift runtime alone is linked statically.
# GOODBYE_BUILD_DIR: another build folder, for a build started while .build is locked
# (the tests install from inside `swift test`).
scratch=(--scratch-path "${GOODBYE_BUILD_DIR:-.build}")
flags=(-c release --static-swift-stdlib -Xswiftc -static-executable)
if ! swift build "${scratch[@]}" "${flags[@]}" --product goodbye; then
  echo "install.sh : édition entièrement statique impossible ici, runtime Swift statique seul" >&2
  flags=(-c release --static-swift-stdlib)
  swift build "${scratch[@]}" "${flags[@]}" --product goodbye
fi
bin=$(swift build "${scratch[@]}" "${flags[@]}" --show-bin-path)
install -d "$prefix/bin" "$prefix/share/goodbye"
install -m 0755 "$bin/goodbye" "$prefix/bin/goodbye"
staging="$prefix/share/goodbye/.Localization.new"
rm -rf "$staging"
cp -R Localization "$staging"
rm -rf "$prefix/share/goodbye/Localization"
mv "$staging" "$prefix/share/goodbye/Localization"
echo "goodbye installé : $prefix/bin/goodbye (une copie du contenu à adapter avec --content : $prefix/share/goodbye/Localization)"
