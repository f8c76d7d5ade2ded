#!/usr/bin/env bash
# Builds tools~/WasmCheck for browser WebAssembly (no workload needed) and runs it under Node: it decodes fixed
# seeds of a sprite model and a level of a freshly trained tiny tiles model on the managed backend (vector and
# scalar kernels) and compares them with a CoreCLR + ONNX Runtime reference (pixels within 1/255, level identical).
# Usage: .ci/wasm-check.sh <spriteModelDir>
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
model="${1:?usage: .ci/wasm-check.sh <spriteModelDir>}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! command -v node >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs) >/dev/null 2>&1 \
    || { echo "wasm-check: node is missing and could not be installed"; exit 1; }
fi

echo "== train a tiny tiles model"
dotnet run --project "$repo/Trainer" -c Release -- train --kind tiles --preset tiny --epochs 1 --stride 8 --out "$work/tiles" \
  > "$work/train.log" 2>&1 || { cat "$work/train.log"; exit 1; }

echo "== build the browser-wasm program and its CoreCLR reference"
for project in "tools~/WasmCheck/WasmCheck.csproj" "tools~/WasmCheck/Reference/WasmCheckReference.csproj"; do
  dotnet build "$repo/$project" -c Release -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done

echo "== CoreCLR + ONNX Runtime reference"
dotnet "$repo/tools~/WasmCheck/Reference/bin~/Release/net10.0/WasmCheckReference.dll" \
  "$model/decoder.onnx" "$work/tiles/decoder.onnx" "$work/reference.txt"

echo "== browser WebAssembly under Node $(node --version)"
(cd "$repo/tools~/WasmCheck" && node main.mjs "$model/decoder.onnx" "$work/tiles/decoder.onnx" "$work/reference.txt")
echo "wasm-check: OK"
