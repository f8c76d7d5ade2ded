#!/usr/bin/env bash
# Publishes the console sample with Native AOT (linux-x64), fails on any trim/AOT warning (ILxxxx) and runs
# the native binary on a model with the managed backend. Needs clang, lld and zlib1g-dev
# (apt-get install -y clang lld zlib1g-dev); the ILCompiler package comes from NuGet.
# Usage: .ci/aot-check.sh <modelDir> [outDir]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
model="${1:?usage: .ci/aot-check.sh <modelDir> [outDir]}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="${2:-$work/png}"
for tool in clang lld; do
  command -v "$tool" >/dev/null || { echo "aot-check: $tool is missing (apt-get install -y clang lld zlib1g-dev)"; exit 1; }
done

echo "== publish ConsoleSample with PublishAot (linux-x64)"
# Drop the ILCompiler's incremental output so it runs again and reports every warning.
rm -rf "$repo/Samples/ConsoleSample~/obj~/Release/net10.0/linux-x64/native"
# NativeAotCheck turns PublishAot on inside ConsoleSample.csproj only (netstandard2.1 rejects PublishAot).
dotnet publish "$repo/Samples/ConsoleSample~/ConsoleSample.csproj" -c Release -r linux-x64 -p:NativeAotCheck=true \
  -nologo -o "$work/publish" > "$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
warnings="$(grep -E 'warning IL[0-9]+' "$work/publish.log" | sort -u || true)"
runtime_warnings="$(printf '%s\n' "$warnings" | grep -c 'VaeProcgen' || true)"
total_warnings="$(printf '%s' "$warnings" | grep -c . || true)"
echo "trim/AOT warnings: $total_warnings total, $runtime_warnings from VaeProcgen code"
[ "$total_warnings" -eq 0 ] || { printf '%s\n' "$warnings"; exit 1; }

echo "== run the native binary"
"$work/publish/ConsoleSample" "$model" "$out" 1 4 --backend managed
[ "$(ls "$out"/*.png | wc -l)" -eq 4 ] || { echo "expected 4 PNGs in $out"; exit 1; }
echo "native binary: $(du -h "$work/publish/ConsoleSample" | cut -f1)"
echo "aot-check: OK"
