# syntax=docker/dockerfile:1
# Asterisk from Ubuntu 24.04 LTS's own package (Asterisk 20 LTS): Debian does
# not ship Asterisk, and a distribution package gets security updates with a
# plain rebuild. Only the modules in the rendered modules.conf are loaded.
# Build from the repository root: `docker build -f docker/asterisk.Dockerfile .`
FROM ubuntu:24.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends asterisk ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 # The package's sample configs load everything; the rendered ones replace them.
 && rm -f /etc/asterisk/*.conf
# Until `voiceorder asterisk apply` renders the real files into the config
# volume, Asterisk starts with the static ones (no lines yet).
COPY asterisk/templates/modules.conf asterisk/templates/logger.conf /etc/asterisk/
COPY asterisk/templates/modules.conf asterisk/templates/logger.conf /usr/share/voiceorder/
COPY docker/asterisk-entrypoint.sh /usr/local/bin/asterisk-entrypoint.sh
VOLUME ["/etc/asterisk", "/var/lib/asterisk/sounds/fr/voiceorder"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["asterisk", "-rx", "core show uptime seconds"]
ENTRYPOINT ["/usr/local/bin/asterisk-entrypoint.sh"]
