# syntax=docker/dockerfile:1
# One image, two roles: the web app (the default target, `app`) and the background worker (`worker`).
# Build once per release and run it on every instance:
#   docker build --build-arg NEXT_DEPLOYMENT_ID=$(git rev-parse --short HEAD) -t atelier .
#   docker build --target worker -t atelier-worker .
# compose.yaml shows a whole installation (PostgreSQL, two app instances, the worker, nginx, mail, S3).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# The release id goes into the build (asset URLs, navigation headers); the same value is required at run time.
ARG NEXT_DEPLOYMENT_ID=dev
ENV NEXT_DEPLOYMENT_ID=$NEXT_DEPLOYMENT_ID NEXT_OUTPUT=standalone NEXT_TELEMETRY_DISABLED=1
RUN npx next build

# The worker runs TypeScript entry points (tsx), so it keeps the sources and every dependency.
FROM deps AS worker
COPY . .
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
USER node
CMD ["npm", "run", "worker"]

# The web app: only the traced standalone server, its static files and the migrations, as a non-root user.
FROM node:20-bookworm-slim AS app
WORKDIR /app
ARG NEXT_DEPLOYMENT_ID=dev
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 NEXT_DEPLOYMENT_ID=$NEXT_DEPLOYMENT_ID
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "server.js"]
