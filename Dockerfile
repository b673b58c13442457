# syntax=docker/dockerfile:1

# Build a static binary; the default interview is embedded in it.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/lectern ./cmd/lectern \
 && mkdir -p /out/cache /out/data

# A small, non-root final image with nothing but the binary.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/lectern /lectern
COPY --from=build --chown=nonroot:nonroot /out/cache /cache
COPY --from=build --chown=nonroot:nonroot /out/data /data
# Book indexes are cached in /cache and the record of questions kept in
# /data; mount volumes there to keep them across restarts.
ENV LECTERN_INDEX_DIR=/cache LECTERN_DATA_DIR=/data LECTERN_ADDR=:8080
VOLUME ["/cache", "/data"]
# serve (and run --addr) listen here.
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/lectern"]
CMD ["run"]
