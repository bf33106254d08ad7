#!/usr/bin/env bash
# Builds every Dailies image and proves it runs: PostgreSQL in a container, the migrate job, a
# Dynasaur job against the sample legacy export (migrate + verify), then each app (health checked).
# Uses podman (no Docker engine runs on the project's machines; facts in ../shared/TOOLCHAIN.md).
#
#   docker/smoke.sh                 # build + run everything, print image sizes
#   KEEP=1 docker/smoke.sh          # leave the containers running afterwards
#   SKIP_BUILD=1 docker/smoke.sh    # run the images built last time
#
# Where no image registry is reachable (these machines), the base images are made here: Debian
# from mmdebstrap, Node 24 from the binary `npm install` put in node_modules/node. Dependencies are
# installed outside the build (builds here cannot verify the npm registry's certificate) and
# copied in with --build-arg DEPS=prepared. With a registry, set NODE_IMAGE=node:24-bookworm-slim
# and DEPS=registry to build the standard way.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

WORK=${SMOKE_WORK:-/tmp/dailies-smoke}
EXPORT_DIR=${EXPORT_DIR:-$ROOT/../shared/legacy/sample}
DEPS=${DEPS:-prepared}
NODE_IMAGE=${NODE_IMAGE:-localhost/dailies-node:24}
DEBIAN_IMAGE=${DEBIAN_IMAGE:-localhost/dailies-debian:bookworm}
PG_PORT=${SMOKE_PG_PORT:-55432}
BASE_PORT=${SMOKE_BASE_PORT:-3710}
APPS=(core-api munger cron)
[ -d apps/support-tool ] && APPS+=(support-tool)

if [ ! -d "$EXPORT_DIR" ]; then
  echo "no legacy export at $EXPORT_DIR (set EXPORT_DIR to the sample export folder)" >&2
  exit 2
fi
mkdir -p "$WORK"
# runc with no default ulimits: crun, or the default ulimits, fail here with "setrlimit".
cat >"$WORK/containers.conf" <<'EOF'
[containers]
default_ulimits = []
EOF
export CONTAINERS_CONF="$WORK/containers.conf"
podman() { command podman --storage-driver=vfs --runtime runc "$@"; }
build() { podman build --format docker --isolation=chroot --build-arg NODE_IMAGE="$NODE_IMAGE" --build-arg DEPS="$DEPS" "$@"; }
step() { printf '\n== %s\n' "$*"; }
started=()
cleanup() {
  if [ -z "${KEEP:-}" ]; then
    for c in "${started[@]}"; do podman rm -f "$c" >/dev/null 2>&1 || true; done
  fi
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then # SKIP_BUILD=1: run the images already built
# ---- base images -------------------------------------------------------------------------------
if ! podman image exists "$DEBIAN_IMAGE" && [[ $DEBIAN_IMAGE == localhost/* ]]; then
  step "Debian base ($DEBIAN_IMAGE) from mmdebstrap"
  mmdebstrap --variant=minbase --include=ca-certificates,tini bookworm "$WORK/base.tar"
  podman import "$WORK/base.tar" "$DEBIAN_IMAGE"
fi
if ! podman image exists "$NODE_IMAGE" && [[ $NODE_IMAGE == localhost/* ]]; then
  step "Node base ($NODE_IMAGE) from node_modules/node"
  mkdir -p "$WORK/node"
  cp -L node_modules/node/bin/node "$WORK/node/node"
  strip "$WORK/node/node" 2>/dev/null || true
  podman build --isolation=chroot -f docker/node-base.Dockerfile \
    --build-arg DEBIAN_IMAGE="$DEBIAN_IMAGE" -t "$NODE_IMAGE" "$WORK/node"
fi

# ---- prepared dependencies ---------------------------------------------------------------------
if [ "$DEPS" = prepared ]; then
  step "production dependencies, installed outside the build"
  # Same steps as the Dockerfiles' prod-deps stage, outside the build.
  rm -rf .docker-deps && mkdir -p .docker-deps/install
  cp package.json package-lock.json .docker-deps/install/
  (cd .docker-deps/install &&
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error &&
    npm pkg delete devDependencies &&
    npm prune --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
  mv .docker-deps/install/node_modules .docker-deps/modules
  docker/prune-prod-deps.sh .docker-deps/modules
  rm -rf .docker-deps/install
  node tools/scripts/prisma-generate.cjs >/dev/null
  cp -r libs/db/src/generated .docker-deps/generated
fi

# ---- images ------------------------------------------------------------------------------------
step "images"
start=$(date +%s)
for app in "${APPS[@]}"; do
  build -f docker/app.Dockerfile --build-arg APP="$app" -t "dailies/$app" .
done
build -f docker/app.Dockerfile --target migrate -t dailies/migrate .
build -f docker/dynasaur.Dockerfile -t dailies/dynasaur .
podman build --isolation=chroot -f docker/postgres.Dockerfile \
  --build-arg DEBIAN_IMAGE="$DEBIAN_IMAGE" -t dailies/smoke-postgres docker
echo "built in $(($(date +%s) - start)) s"
fi

# ---- PostgreSQL, migrations --------------------------------------------------------------------
step "PostgreSQL on 127.0.0.1:$PG_PORT"
podman rm -f dailies-smoke-pg >/dev/null 2>&1 || true
podman run -d --name dailies-smoke-pg --network host -e PG_PORT="$PG_PORT" \
  -e PG_LISTEN=127.0.0.1 dailies/smoke-postgres >/dev/null
started+=(dailies-smoke-pg)
for _ in $(seq 1 60); do
  podman exec dailies-smoke-pg pg_isready -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1 && break
  sleep 0.5
done
podman exec dailies-smoke-pg psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc 'CREATE DATABASE dailies'
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/dailies"
JWT_SECRET=$(head -c 48 /dev/urandom | base64)
env_args=(--network host -e DATABASE_URL="$DATABASE_URL" -e JWT_SECRET="$JWT_SECRET")

step "migrate job"
failed=0
podman run --rm "${env_args[@]}" dailies/migrate

# ---- a Dynasaur job against the sample export --------------------------------------------------
# Before the apps, as at a cut-over: schema, then data, then traffic. (Started apps would change the
# migrated rows — the cron app expires the sample's past-due review links — and verify would say so.)
step "Dynasaur job (sample export)"
mkdir -p "$WORK/out" && chmod 777 "$WORK/out"
podman run --rm "${env_args[@]}" -v "$EXPORT_DIR:/data/export:ro" -v "$WORK/out:/data/out" \
  dailies/dynasaur migrate --all --source export --export-dir /data/export \
  --rejects /data/out/rejects.ndjson || failed=1
podman run --rm "${env_args[@]}" -v "$EXPORT_DIR:/data/export:ro" \
  dailies/dynasaur verify --all --source export --export-dir /data/export || failed=1

# ---- apps --------------------------------------------------------------------------------------
port=$BASE_PORT
declare -A health
for app in "${APPS[@]}"; do
  port=$((port + 1))
  name="dailies-smoke-$app"
  podman rm -f "$name" >/dev/null 2>&1 || true
  podman run -d --name "$name" "${env_args[@]}" -e PORT="$port" -e CRON_HEALTH_PORT="$port" \
    -e HOST=127.0.0.1 -e PUBLIC_URL="http://127.0.0.1:$port" "dailies/$app" >/dev/null
  started+=("$name")
  health[$app]="http://127.0.0.1:$port/health/ready"
done
step "health"
for app in "${APPS[@]}"; do
  ok=""
  for _ in $(seq 1 120); do
    if curl -fsS "${health[$app]}" >/dev/null 2>&1; then ok=1 && break; fi
    sleep 0.5
  done
  if [ -n "$ok" ]; then
    echo "ok   $app  ${health[$app]}"
  else
    echo "FAIL $app  ${health[$app]}"
    podman logs --tail 30 "dailies-smoke-$app" || true
    failed=1
  fi
done

step "media tools in the cron image (processing jobs run ffprobe and ffmpeg)"
podman run --rm --entrypoint /bin/sh dailies/cron -c \
  'node_modules/@ffprobe-installer/linux-x64/ffprobe -version | head -1 &&
   node_modules/@ffmpeg-installer/linux-x64/ffmpeg -version | head -1' || failed=1

step "image sizes"
podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E 'dailies' | sort

if [ "$failed" = 0 ]; then echo "smoke: passed"; else echo "smoke: FAILED"; fi
exit "$failed"
