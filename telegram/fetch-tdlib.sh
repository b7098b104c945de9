#!/usr/bin/env bash
# Fetches the pinned prebuilt TDLib (libtdjson.so, TDLib 1.8.67, linux x64 glibc) from the npm
# registry into <repo>/.tdlib/ and prints the library's path. Idempotent: does nothing when the
# pinned version is already there. Usage: telegram/fetch-tdlib.sh [target-dir]
set -euo pipefail

PACKAGE="@prebuilt-tdlib/linux-x64-glibc"
VERSION="0.1008067.0"                                   # 0.1008067.x = TDLib 1.8.67
SHA1="eb60d124750c8d98ad37a09faa0820545da81f98"         # npm pack's shasum of the tarball

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:-${repo_root}/.tdlib}"
library="${target}/package/libtdjson.so"
stamp="${target}/VERSION"

if [[ -f "${library}" && -f "${stamp}" && "$(cat "${stamp}")" == "${PACKAGE}@${VERSION}" ]]; then
  echo "${library}"
  exit 0
fi

command -v npm >/dev/null || { echo "fetch-tdlib: npm is required" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

(cd "${work}" && npm pack --silent "${PACKAGE}@${VERSION}" >/dev/null 2>&1) \
  || { echo "fetch-tdlib: npm pack ${PACKAGE}@${VERSION} failed" >&2; exit 1; }
tarball="$(ls "${work}"/*.tgz)"
actual="$(sha1sum "${tarball}" | cut -d' ' -f1)"
if [[ "${actual}" != "${SHA1}" ]]; then
  echo "fetch-tdlib: checksum mismatch for ${tarball##*/}: ${actual}" >&2
  exit 1
fi

rm -rf "${target}.partial"
mkdir -p "${target}.partial"
tar -xzf "${tarball}" -C "${target}.partial" package/libtdjson.so package/LICENSE package/package.json
echo "${PACKAGE}@${VERSION}" > "${target}.partial/VERSION"
rm -rf "${target}"
mv "${target}.partial" "${target}"
echo "${library}"
