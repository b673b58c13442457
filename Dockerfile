# syntax=docker/dockerfile:1

# Build a static binary; the default interview is embedded in it.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/lectern ./cmd/lectern \
 && mkdir -p /out/cache

# A small, non-root final image with nothing but the binary.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/lectern /lectern
COPY --from=build --chown=nonroot:nonroot /out/cache /cache
ENV LECTERN_INDEX_DIR=/cache
# Book indexes are cached here; mount a volume to keep them across restarts.
VOLUME ["/cache"]
USER nonroot:nonroot
ENTRYPOINT ["/lectern"]
CMD ["run"]
