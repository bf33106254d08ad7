# A Node 24 base image built without a registry of base images (how docker/smoke.sh proves the
# images on machines that reach Debian's packages but no image registry).
#
#   mmdebstrap --variant=minbase --include=ca-certificates,tini bookworm base.tar
#   podman import base.tar localhost/dailies-debian:bookworm
#   podman build -f docker/node-base.Dockerfile --build-arg DEBIAN_IMAGE=localhost/dailies-debian:bookworm \
#     -t localhost/dailies-node:24 .docker-deps/node
#
# The context holds one file, `node`: the Node 24 binary that `npm install` put under
# node_modules/node (the project's devDependency "node": "24.x"). Elsewhere, use the official
# node:24-bookworm-slim image instead (the Dockerfiles' default NODE_IMAGE).
ARG DEBIAN_IMAGE=debian:bookworm-slim
FROM ${DEBIAN_IMAGE}
COPY node /usr/local/bin/node
# The official node images' user (uid 1000), which the app images run as.
RUN groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --shell /bin/sh --create-home node \
 && node --version
