#!/usr/bin/env bash
# build/pg.sh start|stop DIR — used by test fixtures to get a private cluster; prints the port on start.
source "$(dirname "$0")/lib.sh"
case "${1:-}" in
  start) pg_start "$2" ;;
  stop) pg_stop "$2" ;;
  *) echo "usage: build/pg.sh start|stop DIR" >&2; exit 2 ;;
esac
