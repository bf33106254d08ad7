#!/usr/bin/env bash
# A real S3-compatible server on loopback for the optional S3 tests (`*.s3-spec.ts`): Ceph's S3
# gateway (radosgw) over a one-node Ceph cluster — one monitor and one OSD whose store is memory
# (memstore) — from Debian's packages (ceph-mon, ceph-osd, radosgw).
#
# Why Ceph: the tests need ListParts and AbortMultipartUpload (resume and cancel of multipart
# uploads); the in-process S3 servers on npm (s3rver and its forks) lack both, MinIO is neither in
# Debian nor on npm, and radosgw is the S3 implementation Debian ships.
#
#   tools/scripts/s3-gateway.sh start   # installs the packages if missing, prints the env to use
#   tools/scripts/s3-gateway.sh stop
#
# `start` prints `STORAGE_S3_TEST_ENDPOINT=… AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=…` lines on
# stdout (`eval "$(tools/scripts/s3-gateway.sh start)"`); progress goes to stderr. It stops a
# gateway this script started before. Nothing is kept: the data lives in the OSD's memory.
set -euo pipefail

DIR=${S3_GATEWAY_DIR:-/tmp/dailies-s3-gateway}
PORT=${S3_GATEWAY_PORT:-17480}
MON_PORT=${S3_GATEWAY_MON_PORT:-16789}
ACCESS_KEY=${S3_GATEWAY_ACCESS_KEY:-dailies-test}
SECRET_KEY=${S3_GATEWAY_SECRET_KEY:-dailies-test-secret}
CONF=$DIR/ceph.conf

say() { echo "s3-gateway: $*" >&2; }

stop() {
  for pidfile in "$DIR"/run/*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  # Daemons take a moment to let go of their ports.
  for _ in $(seq 1 50); do
    pgrep -f -- "-c $CONF" >/dev/null || break
    sleep 0.1
  done
  pkill -9 -f -- "-c $CONF" 2>/dev/null || true
}

wait_for() { # wait_for <seconds> <what> <command…>
  local seconds=$1 what=$2
  shift 2
  local until=$((SECONDS + seconds))
  while [ "$SECONDS" -lt "$until" ]; do
    if timeout 5 "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  say "$what did not come up in ${seconds}s (logs in $DIR/log)"
  return 1
}

start() {
  if ! command -v radosgw >/dev/null || ! command -v ceph-osd >/dev/null; then
    say "installing ceph-mon ceph-osd radosgw from Debian"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends ceph-mon ceph-osd radosgw ceph-common) >&2
  fi
  stop
  rm -rf "$DIR"
  mkdir -p "$DIR"/{run,log,mon.a,osd.0,rgw}
  local fsid
  fsid=$(cat /proc/sys/kernel/random/uuid)
  cat >"$CONF" <<CONF
[global]
fsid = $fsid
mon host = v1:127.0.0.1:$MON_PORT
ms bind msgr2 = false
auth cluster required = none
auth service required = none
auth client required = none
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
# Placed below by this script: at start the OSD would send these commands before it knows the
# cluster's fsid, which the monitor refuses now and then ("wrong fsid").
osd crush update on start = false
osd class update on start = false
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 1
mon data avail crit = 0
osd objectstore = memstore
memstore device bytes = 2147483648
run dir = $DIR/run
log file = $DIR/log/\$name.log
admin socket = $DIR/run/\$name.asok
pid file = $DIR/run/\$name.pid
mon data = $DIR/mon.\$id
osd data = $DIR/osd.\$id
keyring = $DIR/keyring
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$PORT
rgw data = $DIR/rgw
CONF
  say "starting a monitor on :$MON_PORT and a memstore OSD"
  ceph-authtool --create-keyring "$DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --addv a "[v1:127.0.0.1:$MON_PORT]" --fsid "$fsid" "$DIR/monmap" >/dev/null
  ceph-mon -c "$CONF" --mkfs -i a --monmap "$DIR/monmap" --keyring "$DIR/keyring" 2>/dev/null
  ceph-mon -c "$CONF" -i a 2>/dev/null
  wait_for 20 "the monitor" ceph -c "$CONF" --connect-timeout 2 mon stat
  local osd_uuid
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$osd_uuid" 2>/dev/null
  ceph -c "$CONF" osd new "$osd_uuid" 0 >/dev/null
  ceph -c "$CONF" osd crush add osd.0 1 root=default host=localhost >/dev/null 2>&1
  ceph-osd -c "$CONF" -i 0 2>/dev/null
  wait_for 30 "the OSD" bash -c "ceph -c '$CONF' osd stat | grep -q '1 up'"
  say "starting the S3 gateway on :$PORT"
  radosgw -c "$CONF" -n client.rgw 2>/dev/null
  wait_for 60 "the S3 gateway" curl -sf -o /dev/null "http://127.0.0.1:$PORT/"
  radosgw-admin -c "$CONF" user create --uid=dailies --display-name=Dailies \
    --access-key="$ACCESS_KEY" --secret="$SECRET_KEY" >/dev/null 2>&1
  echo "STORAGE_S3_TEST_ENDPOINT=http://127.0.0.1:$PORT"
  echo "AWS_ACCESS_KEY_ID=$ACCESS_KEY"
  echo "AWS_SECRET_ACCESS_KEY=$SECRET_KEY"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
