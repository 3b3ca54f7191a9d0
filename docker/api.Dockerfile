# syntax=docker/dockerfile:1
# The API with the dashboard's build: `docker build -f docker/api.Dockerfile .`
# (from the repository root). Migrations run at boot (api/src/server.ts).
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first: the dependency layer is reused until a package.json changes.
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY controller/package.json controller/
COPY dashboard/package.json dashboard/
COPY asterisk/package.json asterisk/
# --ignore-scripts: the postinstall (Prisma generate) needs the sources, copied below.
RUN npm ci --ignore-scripts && npm rebuild esbuild
COPY . .
# Offline, as scripts/prisma-generate.ts does: no native engine download at build time.
RUN npm run db:generate && npm run dashboard:build

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data DASHBOARD_DIST=/app/dashboard/dist
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "api/src/main.ts"]
