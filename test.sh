#!/usr/bin/env bash
# The test command: prepares what the tests need on a fresh Debian/Ubuntu machine with the .NET SDK, then runs
# `dotnet test Workshop.sln` and closes with a plain "N passed, N failed" line. Exits non-zero on any failure.
#   1. installs the Debian packages the tests drive (only those missing; needs root or sudo);
#   2. uses the Docker engine at DOCKER_HOST (or the default socket) if one answers, else starts one of its own
#      under a temporary folder with the flags that work in containers and CI (no iptables), and stops it at the end;
#   3. restores the local .NET tools (the notebook kernel), runs the tests, adds up the TRX reports;
#   4. fails if any container labelled by the project is still there afterwards.
# Extra arguments go to `dotnet test` (for example: ./test.sh --filter FullyQualifiedName~Docker).
set -uo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

# Debian packages the tests use: "the file the tests run" and "the package that brings it". A bare command name (no
# slash) counts as present wherever it is on the PATH. dockerd, not docker: a docker client alone is not an engine.
tools=(
  "/usr/bin/aws awscli"
  "/usr/bin/skopeo skopeo"
  "/usr/bin/docker-registry docker-registry"
  "dockerd docker.io"
  "/usr/bin/jupyter-nbconvert jupyter-nbconvert"
  "/usr/lib/python3/dist-packages/nbclient python3-nbclient"
  "/bin/busybox busybox-static"
  "/usr/bin/chromium chromium"
  "/usr/bin/chromedriver chromium-driver"
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk"
)
missing=()
for entry in "${tools[@]}"; do
  read -r path package <<<"$entry"
  if [[ "$path" == /* ]]; then [ -e "$path" ] || missing+=("$package")
  else command -v "$path" >/dev/null || missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get"
  as_root apt-get -o DPkg::Lock::Timeout=300 update -qq || exit 1
  as_root apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" || exit 1
fi
if [ "${1:-}" = "--prepare-only" ]; then exit 0; fi

# A Docker engine: the one at DOCKER_HOST or the default socket, else our own (stopped on exit).
engine_dir=""
stop_engine() {
  if [ -n "$engine_dir" ] && [ -f "$engine_dir/pid" ]; then
    as_root kill "$(cat "$engine_dir/pid")" 2>/dev/null
    for _ in $(seq 1 50); do [ -e "/proc/$(cat "$engine_dir/pid" 2>/dev/null)" ] || break; sleep 0.2; done
    as_root rm -rf "$engine_dir"
  fi
}
trap stop_engine EXIT
if ! docker info >/dev/null 2>&1; then
  engine_dir=$(mktemp -d /tmp/ecs-workshop-engine.XXXXXX)
  echo "No Docker engine answers; starting one in $engine_dir"
  as_root setsid dockerd --iptables=false --ip6tables=false --data-root "$engine_dir/root" --exec-root "$engine_dir/exec" \
    -H "unix://$engine_dir/docker.sock" --pidfile "$engine_dir/pid" >"$engine_dir/dockerd.log" 2>&1 </dev/null &
  export DOCKER_HOST="unix://$engine_dir/docker.sock"
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  if ! docker info >/dev/null 2>&1; then
    echo "The Docker engine did not start:"; tail -n 20 "$engine_dir/dockerd.log"; exit 1
  fi
  as_root chmod 666 "$engine_dir/docker.sock" 2>/dev/null || true
fi
echo "Docker engine: ${DOCKER_HOST:-unix:///var/run/docker.sock} ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"

# MSBuild reads these variables as the properties behind `dotnet test --settings` and `--results-directory`, which
# add a TRX report per test project and a session time limit.
results="$PWD/TestResults/ci"
rm -rf "$results"
mkdir -p "$results"
export VSTestSetting="$PWD/.ci/ci.runsettings"
export VSTestResultsDirectory="$results"

# The real .NET Interactive kernel the notebook tests run (a local tool pinned in dotnet-tools.json).
dotnet tool restore || exit 1

status=0
dotnet test Workshop.sln "$@" || status=$?

# Add up the counters of every TRX report (one per test project).
passed=0
failed=0
reports=0
counter() {
  local value
  value=$(sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$2" | head -n 1)
  echo "${value:-0}"
}
for report in "$results"/*.trx; do
  [ -e "$report" ] || continue
  reports=$((reports + 1))
  counters=$(grep -o '<Counters [^>]*>' "$report" | head -n 1)
  passed=$((passed + $(counter passed "$counters")))
  for kind in failed error timeout aborted; do
    failed=$((failed + $(counter "$kind" "$counters")))
  done
done

# Nothing may leak: no container the project labelled is left (running or not).
leaked=$(docker ps -a --filter label=ecs-workshop.state-dir --format '{{.Names}} ({{.Status}})' 2>/dev/null)
if [ -n "$leaked" ]; then
  echo "Containers left behind by the tests:"
  echo "$leaked"
  failed=$((failed + 1))
  status=1
fi

if [ "$status" -eq 0 ] && { [ "$reports" -eq 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; }; then
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
