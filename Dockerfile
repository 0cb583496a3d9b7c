# Builds the MAS apps (registry, gateway, CLI, examples) from this repository.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/mas/package.json libs/mas/package.json
COPY apps/cli/package.json apps/cli/package.json
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
EXPOSE 3000
CMD ["node", "dist/apps/registry/main.js"]
