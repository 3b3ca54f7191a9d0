#!/bin/sh
# Runs Asterisk in the foreground as the unprivileged `asterisk` user, so the
# container stops when it does and `docker compose logs` shows its console.
set -eu
# The config volume may be new and empty: seed it with the static files baked
# into the image layer's copy, never overwriting rendered ones.
for f in modules.conf logger.conf; do
  [ -f "/etc/asterisk/$f" ] || cp "/usr/share/voiceorder/$f" "/etc/asterisk/$f" 2>/dev/null || true
done
chown -R asterisk:asterisk /var/lib/asterisk /var/spool/asterisk /var/log/asterisk /var/run/asterisk 2>/dev/null || true
exec asterisk -f -U asterisk -G asterisk -vvv
