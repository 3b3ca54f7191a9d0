# syntax=docker/dockerfile:1
# The ARI controller: `docker build -f docker/controller.Dockerfile .` from the
# repository root. It runs on the host network next to Asterisk (see compose.yaml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY controller/package.json controller/
COPY dashboard/package.json dashboard/
COPY asterisk/package.json asterisk/
RUN npm ci --ignore-scripts && npm rebuild esbuild
COPY . .
# The controller imports the API's contract, which imports the generated Prisma enums.
RUN npm run db:generate

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /recordings && chown node:node /recordings
USER node
CMD ["node", "--import", "tsx", "controller/src/main.ts"]
