# syntax=docker/dockerfile:1
#
# One recipe for every Dailies process. TypeScript runs through SWC at start-up
# (tools/scripts/run-ts.cjs), so there is no compile step: the image carries the sources.
#
#   docker build -f docker/app.Dockerfile --build-arg APP=core-api -t dailies/core-api .
#   docker build -f docker/app.Dockerfile --target migrate -t dailies/migrate .
#
# Targets:
#   app      (default) the HTTP app apps/$APP/src/main.ts; APP=platform runs everything in one process
#   migrate  one-off job: applies the SQL files in migrations/ to DATABASE_URL, then exits
# A new app is `--build-arg APP=<dir under apps/>`; an entry elsewhere (tools/dynasaur) is
# `--build-arg ENTRY=<path to .ts>`. Containers always need DATABASE_URL: the embedded PostgreSQL
# is for a laptop, not for an image.

ARG NODE_IMAGE=node:24-bookworm-slim
# Where dependencies come from: `registry` (default: npm install inside the build) or `prepared`
# (.docker-deps/modules and .docker-deps/generated in the context, filled outside the build by
# docker/smoke.sh on machines whose builds cannot verify the npm registry's certificate).
ARG DEPS=registry

# ---- install: every dependency, dev included (the Prisma CLI generates the client) -----------
FROM ${NODE_IMAGE} AS install
WORKDIR /app
ENV CI=true NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lockfile lacks other platforms' optional binaries.
# --ignore-scripts: the one script the image needs is the root postinstall (prisma generate), run
# on its own in the next stage. The others would fetch Prisma's native engines (unused: the client
# runs through @prisma/adapter-pg), the `node` package's binary (the base image has Node 24) and the
# embedded PostgreSQL's libraries (unused in containers), whatever npm version the base image has.
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm install --ignore-scripts --no-audit --no-fund

# ---- generate: Prisma Client into libs/db/src/generated (what `postinstall` does) ------------
FROM install AS generate
COPY prisma.config.ts ./
COPY prisma ./prisma
COPY tools/scripts ./tools/scripts
RUN node tools/scripts/prisma-generate.cjs

# ---- prod-deps: node_modules without dev dependencies ----------------------------------------
# Dropping devDependencies from this stage's package.json first makes the prune also remove the
# Prisma CLI, which `--omit=dev` alone keeps (it is an optional peer of @prisma/client). Kept:
# @swc-node/register, @swc/core and typescript (@swc-node/register loads it to read tsconfig).
FROM install AS prod-deps
COPY docker/prune-prod-deps.sh /usr/local/bin/
RUN npm pkg delete devDependencies \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && prune-prod-deps.sh node_modules

# ---- deps: production node_modules and the generated Prisma client, from either source ------
FROM ${NODE_IMAGE} AS deps-registry
COPY --from=prod-deps /app/node_modules /deps/node_modules
COPY --from=generate /app/libs/db/src/generated /deps/generated

FROM ${NODE_IMAGE} AS deps-prepared
COPY .docker-deps/modules /deps/node_modules
COPY .docker-deps/generated /deps/generated

FROM deps-${DEPS} AS deps

# ---- runtime: what every target shares ---------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM to Node (which closes the app cleanly) and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    MIGRATE_ON_START=false \
    SEED_DEMO=false
# Dependencies first (they change least), then sources. Everything stays owned by root: the
# process (user node) only reads /app. SWC's transform cache goes to /tmp.
COPY --from=deps /deps/node_modules ./node_modules
COPY package.json tsconfig.json tsconfig.base.json prisma.config.ts ./
COPY tools ./tools
COPY prisma ./prisma
COPY migrations ./migrations
COPY libs ./libs
COPY --from=deps /deps/generated ./libs/db/src/generated
COPY apps ./apps
USER node
ENTRYPOINT ["/usr/bin/tini", "--"]
# The shell only expands $APP_ENTRY and is replaced by Node (exec): Node is tini's direct child.
# Run another entry with the same image: `docker run IMAGE node tools/scripts/run-ts.cjs <file.ts>`
# or `-e APP_ENTRY=<file.ts>`.
CMD ["/bin/sh", "-c", "exec node tools/scripts/run-ts.cjs \"$APP_ENTRY\""]

# ---- migrate: one-off migration job ----------------------------------------------------------
FROM runtime AS migrate
ENV APP_ENTRY=libs/db/src/migrate.cli.ts
LABEL org.opencontainers.image.title="dailies-migrate"

# ---- app (default): an HTTP app ----------------------------------------------------------------
FROM runtime AS app
ARG APP=platform
ARG ENTRY=
ENV APP_ENTRY=${ENTRY:-apps/${APP}/src/main.ts}
LABEL org.opencontainers.image.title="dailies-${APP}"
RUN test -f "$APP_ENTRY" || { echo "no such entry: $APP_ENTRY (check --build-arg APP/ENTRY)" >&2; exit 1; }
EXPOSE 3000
# Liveness only (the process answers): whether PostgreSQL is reachable is /health/ready's job.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
