# PostgreSQL from Debian's packages, for docker/smoke.sh on machines without an image registry.
# Anywhere else use the official postgres image (docker/compose.yaml does).
ARG DEBIAN_IMAGE=debian:bookworm-slim
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/*
USER postgres
ENV PGDATA=/var/lib/postgresql/data PATH=/usr/lib/postgresql/15/bin:$PATH
RUN initdb --auth=trust --username=postgres --encoding=UTF8 "$PGDATA"
EXPOSE 5432
CMD ["/bin/sh", "-c", "exec postgres -D \"$PGDATA\" -c listen_addresses=\"${PG_LISTEN:-*}\" -c port=\"${PG_PORT:-5432}\""]
