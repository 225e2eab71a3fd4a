# One image for both Baton processes; docker-compose.yml runs it as `web` and as `daemon`.
FROM node:20-bookworm-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends procps bash ca-certificates bubblewrap slirp4netns iproute2 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY bin ./bin
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund
COPY . .
RUN DATABASE_URL=postgresql://build@localhost/build npx next build
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["npx", "tsx", "server.ts"]
