#!/usr/bin/env bash
# Packs VaeProcgen.Runtime (managed only) and VaeProcgen.Runtime.OnnxRuntime (native backend) into a temporary local
# feed, checks their nuspecs (the core package must not depend on ONNX Runtime), checks that a CI build is
# deterministic, then builds a copy of the console sample against the core package alone and against both
# (PackageReference, not ProjectReference) and runs each: managed-only must run on Managed, both on OnnxRuntime.
# Usage: .ci/package-check.sh [modelDir]   (without modelDir an untrained fixture model is exported by the tests)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n1)"
ci=(-p:ContinuousIntegrationBuild=true)

for project in Runtime/VaeProcgen.Runtime.csproj Runtime/OnnxRuntime/VaeProcgen.Runtime.OnnxRuntime.csproj; do
  echo "== pack $project $version"
  # Rebuild first: an earlier non-CI Release build (e.g. the trainer's) would otherwise be packed as it is.
  dotnet build "$repo/$project" -c Release --no-incremental -v quiet -nologo "${ci[@]}" >/dev/null
  dotnet pack "$repo/$project" -c Release --no-build -o "$work/feed" -v quiet -nologo "${ci[@]}"
done
core="$work/feed/VaeProcgen.Runtime.$version.nupkg"
ort="$work/feed/VaeProcgen.Runtime.OnnxRuntime.$version.nupkg"
for nupkg in "$core" "$ort"; do
  test -f "$nupkg"
  test -f "${nupkg%.nupkg}.snupkg" || { echo "no symbols package next to $nupkg"; exit 1; }
  id="$(basename "$nupkg" ".$version.nupkg")"
  unzip -p "$nupkg" "$id.nuspec" > "$work/$id.nuspec"
  for needed in '<license type="expression">MIT</license>' '<readme>README.md</readme>' '<icon>icon.png</icon>' \
                '<repository type="git" url="https://github.com/vaeprocgen/vaeprocgen.git"' '<projectUrl>https://github.com/vaeprocgen/vaeprocgen</projectUrl>'; do
    grep -q "$needed" "$work/$id.nuspec" || { echo "$id nuspec lacks $needed"; cat "$work/$id.nuspec"; exit 1; }
  done
  # (listings go to files first: `grep -q` on a pipe would end the pipe early and pipefail would report it)
  unzip -l "$nupkg" > "$work/$id.list"
  unzip -p "$nupkg" README.md > "$work/$id.readme"
  for entry in "lib/netstandard2.1/$id.dll" "lib/netstandard2.1/$id.xml" ' README.md' ' icon.png'; do
    grep -q "$entry" "$work/$id.list" || { echo "$id package lacks $entry"; exit 1; }
  done
  # Links on a package page must be absolute.
  if grep -oE '\]\([^)]+\)' "$work/$id.readme" | grep -v '](https://'; then echo "$id README has relative links"; exit 1; fi
done
grep -q 'id="MathNet.Numerics"' "$work/VaeProcgen.Runtime.nuspec"
if grep -q 'id="Microsoft.ML.OnnxRuntime' "$work/VaeProcgen.Runtime.nuspec"; then echo "the core package must not depend on ONNX Runtime"; exit 1; fi
grep -q 'id="Microsoft.ML.OnnxRuntime"' "$work/VaeProcgen.Runtime.OnnxRuntime.nuspec"
grep -q 'id="VaeProcgen.Runtime"' "$work/VaeProcgen.Runtime.OnnxRuntime.nuspec"
echo "nuspecs OK: dependencies, license, readme, icon, repository, symbols"

echo "== deterministic CI build"
unzip -p "$core" lib/netstandard2.1/VaeProcgen.Runtime.dll > "$work/first.dll"
dotnet build "$repo/Runtime/VaeProcgen.Runtime.csproj" -c Release -v quiet -nologo --no-incremental "${ci[@]}" -o "$work/rebuild" >/dev/null
cmp "$work/first.dll" "$work/rebuild/VaeProcgen.Runtime.dll" && echo "rebuilt VaeProcgen.Runtime.dll is byte-identical"
if grep -q "$repo" "$work/first.dll"; then echo "the dll embeds the checkout path $repo"; exit 1; fi

model="${1:-}"
if [ -z "$model" ]; then
  model="$work/model"
  echo "== export a fixture model to $model"
  VAEPROCGEN_FIXTURE_MODEL_DIR="$model" dotnet test "$repo/Tests" -nologo -v quiet \
    --filter "FullyQualifiedName~VaeProcgen.Tests.Packaging.ConsoleSampleTests.FixtureModelLoadsOnTheManagedBackend" >/dev/null
fi

# A private packages folder, so a stale VaeProcgen package in the user cache is never used; the already-downloaded
# dependencies come from the user cache through a second local feed when present.
export NUGET_PACKAGES="$work/packages"
mkdir -p "$NUGET_PACKAGES"
cache_feed=""
[ -d "$HOME/.nuget/packages" ] && cache_feed="<add key=\"cache\" value=\"$HOME/.nuget/packages\" />"

build_sample() { # name, package references (xml)
  local dir="$work/sample-$1"
  mkdir -p "$dir"
  cp "$repo/Samples/ConsoleSample~/"*.cs "$dir/"
  cat > "$dir/ConsoleSample.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>VaeProcgen.Samples</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
$2
  </ItemGroup>
</Project>
PROJ
  cat > "$dir/nuget.config" <<CFG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    $cache_feed
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CFG
  echo "== build the console sample against: $1"
  dotnet build "$dir/ConsoleSample.csproj" -c Release -nologo -v quiet -o "$dir/out"
}

run_sample() { # name, backend, expected engine
  local out="$work/png-$1-$2"
  local log
  dotnet "$work/sample-$1/out/ConsoleSample.dll" "$model" "$out" 1 4 --backend "$2" > "$work/run.log"
  cat "$work/run.log"
  grep -q "on $3" "$work/run.log" || { echo "expected the $1 sample with --backend $2 to run on $3"; exit 1; }
  [ "$(find "$out" -name '*.png' | wc -l)" -eq 4 ] || { echo "expected 4 PNGs in $out"; exit 1; }
  [ "$(head -c 8 "$out/sprite_1.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "sprite_1.png is not a PNG"; exit 1; }
}

build_sample managed-only "    <PackageReference Include=\"VaeProcgen.Runtime\" Version=\"$version\" />"
ls "$work/sample-managed-only/out" > "$work/managed-only.files"
if grep -qi onnxruntime "$work/managed-only.files"; then echo "the managed-only build contains ONNX Runtime files"; exit 1; fi
run_sample managed-only auto Managed
run_sample managed-only managed Managed
if dotnet "$work/sample-managed-only/out/ConsoleSample.dll" "$model" "$work/png-none" 1 1 --backend onnxruntime > "$work/none.log" 2>&1; then
  echo "--backend onnxruntime must fail without the OnnxRuntime package"; exit 1
fi
grep -q "needs the VaeProcgen.Runtime.OnnxRuntime assembly" "$work/none.log" || { cat "$work/none.log"; exit 1; }
echo "managed-only: --backend onnxruntime fails with: $(cat "$work/none.log")"

build_sample both "    <PackageReference Include=\"VaeProcgen.Runtime\" Version=\"$version\" />
    <PackageReference Include=\"VaeProcgen.Runtime.OnnxRuntime\" Version=\"$version\" />"
run_sample both auto OnnxRuntime
run_sample both managed Managed
cmp "$work/png-managed-only-auto/sprite_1.png" "$work/png-both-managed/sprite_1.png" && echo "managed backend: identical PNGs from both builds"
cmp "$work/png-both-managed/sprite_1.png" "$work/png-both-auto/sprite_1.png" && echo "managed and ONNX Runtime wrote identical PNGs" || echo "note: managed and ONNX Runtime PNGs differ (float rounding between engines)"
echo "package-check: OK"
