#!/usr/bin/env bash
# Packs VaeProcgen.Runtime into a temporary local feed, builds a copy of the console sample that uses the
# package (PackageReference, not ProjectReference) from that feed plus nuget.org, and runs it on a model.
# Usage: .ci/package-check.sh [modelDir]   (without modelDir an untrained fixture model is exported by the tests)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n1)"

echo "== pack VaeProcgen.Runtime $version"
dotnet pack "$repo/Runtime/VaeProcgen.Runtime.csproj" -c Release -o "$work/feed" -v quiet -nologo
nupkg="$work/feed/VaeProcgen.Runtime.$version.nupkg"
test -f "$nupkg"
unzip -p "$nupkg" VaeProcgen.Runtime.nuspec > "$work/runtime.nuspec"
for needed in 'id="Microsoft.ML.OnnxRuntime"' 'id="MathNet.Numerics"' '<license type="expression">MIT</license>' '<readme>README.md</readme>' '<repository type="git"'; do
  grep -q "$needed" "$work/runtime.nuspec" || { echo "nuspec lacks $needed"; cat "$work/runtime.nuspec"; exit 1; }
done
unzip -l "$nupkg" | grep -q 'lib/netstandard2.1/VaeProcgen.Runtime.dll'
unzip -l "$nupkg" | grep -q ' README.md'
echo "nuspec OK: dependencies, license, readme, repository"

model="${1:-}"
if [ -z "$model" ]; then
  model="$work/model"
  echo "== export a fixture model to $model"
  VAEPROCGEN_FIXTURE_MODEL_DIR="$model" dotnet test "$repo/Tests" -nologo -v quiet \
    --filter "FullyQualifiedName~VaeProcgen.Tests.Packaging.ConsoleSampleTests.FixtureModelLoadsOnTheManagedBackend" >/dev/null
fi

echo "== build the console sample against the package"
mkdir -p "$work/sample"
cp "$repo/Samples/ConsoleSample/"*.cs "$work/sample/"
cat > "$work/sample/ConsoleSample.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>VaeProcgen.Samples</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="VaeProcgen.Runtime" Version="$version" />
  </ItemGroup>
</Project>
PROJ
cat > "$work/sample/nuget.config" <<CFG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CFG
# A private packages folder, so a stale VaeProcgen.Runtime in the user cache is never used.
export NUGET_PACKAGES="$work/packages"
mkdir -p "$NUGET_PACKAGES"
# Reuse the already-downloaded dependencies from the user cache through a second local feed when present.
if [ -d "$HOME/.nuget/packages" ]; then
  sed -i "s#<add key=\"local\" value=\"$work/feed\" />#<add key=\"local\" value=\"$work/feed\" />\n    <add key=\"cache\" value=\"$HOME/.nuget/packages\" />#" "$work/sample/nuget.config"
fi
dotnet build "$work/sample/ConsoleSample.csproj" -c Release -nologo -v quiet -o "$work/sample/out"

echo "== run it"
for backend in managed auto; do
  dotnet "$work/sample/out/ConsoleSample.dll" "$model" "$work/png-$backend" 1 4 --backend "$backend"
  count="$(ls "$work/png-$backend"/*.png | wc -l)"
  [ "$count" -eq 4 ] || { echo "expected 4 PNGs with $backend, got $count"; exit 1; }
  head -c 8 "$work/png-$backend/sprite_1.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' || { echo "sprite_1.png is not a PNG"; exit 1; }
done
cmp "$work/png-managed/sprite_1.png" "$work/png-auto/sprite_1.png" && echo "managed and auto backends wrote identical PNGs" || echo "note: managed and auto PNGs differ (float rounding between engines)"
echo "package-check: OK"
