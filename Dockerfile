# The MAS apps (registry, gateway, CLI, examples) built from this repository.
# Stage 1 builds with every dependency; stage 2 keeps only what runs: production dependencies, the
# compiled apps and @mas/core, the default config. No sources, tests or dev tools; runs as `node`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/mas/package.json libs/mas/package.json
COPY apps/cli/package.json apps/cli/package.json
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY libs/mas libs/mas
COPY apps apps
COPY examples examples
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs/mas/package.json ./libs/mas/package.json
COPY --from=build /app/libs/mas/dist ./libs/mas/dist
COPY --from=build /app/apps/cli/package.json ./apps/cli/package.json
COPY --from=build /app/apps/cli/bin ./apps/cli/bin
COPY --from=build /app/dist ./dist
COPY config ./config
# The gateway keeps its identity and audit key outside Redis (GATEWAY_SECRETS__DIR): owned by node.
RUN mkdir -p /var/lib/mas-gateway && chown node:node /var/lib/mas-gateway
USER node
EXPOSE 3000 3001
CMD ["node", "dist/apps/registry/main.js"]
