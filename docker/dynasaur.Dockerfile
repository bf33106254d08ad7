# syntax=docker/dockerfile:1
#
# The legacy migrator (tools/dynasaur) as a one-off job image. Like app.Dockerfile, TypeScript runs
# through SWC at start-up (tools/scripts/run-ts.cjs): the image carries the sources it needs.
#
#   docker build -f docker/dynasaur.Dockerfile -t dailies/dynasaur .
#   docker run --rm -e DATABASE_URL=… -e AWS_REGION=eu-west-1 dailies/dynasaur migrate --table users
#   docker run --rm -e DATABASE_URL=… -v /exports:/data/export:ro -v "$PWD/out":/data/out \
#     dailies/dynasaur migrate --all --export-dir /data/export --rejects /data/out/rejects.ndjson
#
# Every option can also be set as DYNASAUR_<OPTION> (DYNASAUR_TABLE, DYNASAUR_SEGMENTS, …): that is
# how the Kubernetes Jobs in docker/k8s/dynasaur-*.yaml configure it. The entry point is the same
# `tools/dynasaur/src/main.ts` that `npm run dynasaur` runs outside a container.

ARG NODE_IMAGE=node:24-bookworm-slim
# `registry` (default: npm install inside the build) or `prepared` (.docker-deps/modules in the
# context, filled by docker/smoke.sh where builds cannot reach the npm registry).
ARG DEPS=registry

# ---- install: every dependency (dev too: the prune below needs the full tree) ----------------
FROM ${NODE_IMAGE} AS install
WORKDIR /app
ENV CI=true NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lockfile lacks other platforms' optional binaries.
# --ignore-scripts: the migrator needs no install script (no Prisma Client, no embedded PostgreSQL).
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm install --ignore-scripts --no-audit --no-fund

# ---- prod-deps: node_modules without dev dependencies ----------------------------------------
FROM install AS prod-deps
COPY docker/prune-prod-deps.sh /usr/local/bin/
RUN npm pkg delete devDependencies \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && prune-prod-deps.sh node_modules

FROM ${NODE_IMAGE} AS deps-registry
COPY --from=prod-deps /app/node_modules /deps/node_modules

FROM ${NODE_IMAGE} AS deps-prepared
COPY .docker-deps/modules /deps/node_modules

FROM deps-${DEPS} AS deps

# ---- runtime ----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM to Node: the migrator then commits the batches in flight and
# stops cleanly (exit 3), resumable with --resume.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data/export /data/out \
 && chown node:node /data/out
WORKDIR /app
ENV NODE_ENV=production
# Dependencies first (they change least), then the sources the migrator imports. Everything
# stays owned by root; the process (user node) only reads /app and writes /data/out and /tmp.
COPY --from=deps /deps/node_modules ./node_modules
COPY package.json tsconfig.json tsconfig.base.json ./
COPY tools/scripts ./tools/scripts
COPY libs/legacy ./libs/legacy
# Metrics (libs/monitoring, Nest-free entry) and the config parsing it uses.
COPY libs/config ./libs/config
COPY libs/monitoring ./libs/monitoring
COPY tools/dynasaur/src ./tools/dynasaur/src
USER node
# A small, fixed heap: V8 otherwise lets garbage from big items pile up to hundreds of MB before
# collecting it; with these limits the job stays near 200 MB whatever the table size.
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--max-old-space-size=160", "--max-semi-space-size=4", "tools/scripts/run-ts.cjs", "tools/dynasaur/src/main.ts"]
CMD ["--help"]
LABEL org.opencontainers.image.title="dailies-dynasaur"
