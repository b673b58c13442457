// Package metrics counts what Lectern does, in Prometheus's format:
// interactions by command and outcome, how long answers take, searches
// that found nothing, Discord API errors by status, web requests, and the
// index's size and build time.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds Lectern's metrics in a registry of their own.
type Metrics struct {
	registry      *prometheus.Registry
	interactions  *prometheus.CounterVec
	latency       *prometheus.HistogramVec
	nothingFound  *prometheus.CounterVec
	discordErrors *prometheus.CounterVec
	webRequests   *prometheus.CounterVec
	shards        *prometheus.GaugeVec
	indexFiles    prometheus.Gauge
	indexSents    prometheus.Gauge
	indexBytes    prometheus.Gauge
	indexSeconds  prometheus.Gauge
	indexBuilt    prometheus.Gauge
}

// New returns the metrics, with the Go runtime's and the process's.
func New() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lectern_interactions_total", Help: "Discord interactions handled, by command and outcome.",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "lectern_answer_seconds", Help: "Time from receiving an interaction to its answer being sent, by command.",
			Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10},
		}, []string{"command"}),
		nothingFound: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lectern_nothing_found_total", Help: "Searches that found nothing, by command.",
		}, []string{"command"}),
		discordErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lectern_discord_api_errors_total", Help: "Failed calls to Discord's API, by route and HTTP status (0: no response).",
		}, []string{"route", "status"}),
		webRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lectern_web_requests_total", Help: "Requests to the web reader and API, by route and HTTP status.",
		}, []string{"route", "status"}),
		shards: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lectern_gateway_shard_connected", Help: "1 while a gateway shard is connected, 0 while it is not (absent when interactions come over HTTP).",
		}, []string{"shard"}),
		indexFiles:   prometheus.NewGauge(prometheus.GaugeOpts{Name: "lectern_index_files", Help: "Files in the corpus."}),
		indexSents:   prometheus.NewGauge(prometheus.GaugeOpts{Name: "lectern_index_sentences", Help: "Sentences in the index."}),
		indexBytes:   prometheus.NewGauge(prometheus.GaugeOpts{Name: "lectern_index_text_bytes", Help: "Bytes of text indexed."}),
		indexSeconds: prometheus.NewGauge(prometheus.GaugeOpts{Name: "lectern_index_open_seconds", Help: "Time the index took to build or load at start."}),
		indexBuilt:   prometheus.NewGauge(prometheus.GaugeOpts{Name: "lectern_index_built", Help: "1 when the index was built at start, 0 when read from the cache."}),
	}
	m.registry.MustRegister(m.interactions, m.latency, m.nothingFound, m.discordErrors, m.webRequests, m.shards,
		m.indexFiles, m.indexSents, m.indexBytes, m.indexSeconds, m.indexBuilt,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Interaction counts an interaction handled.
func (m *Metrics) Interaction(command, outcome string, took time.Duration) {
	m.interactions.WithLabelValues(command, outcome).Inc()
	m.latency.WithLabelValues(command).Observe(took.Seconds())
}

// NothingFound counts a search that found nothing.
func (m *Metrics) NothingFound(command string) {
	m.nothingFound.WithLabelValues(command).Inc()
}

// DiscordError counts a failed call to Discord's API.
func (m *Metrics) DiscordError(route string, status int) {
	m.discordErrors.WithLabelValues(route, strconv.Itoa(status)).Inc()
}

// ShardConnected records a gateway shard connecting or losing its
// connection.
func (m *Metrics) ShardConnected(shard int, connected bool) {
	v := 0.0
	if connected {
		v = 1
	}
	m.shards.WithLabelValues(strconv.Itoa(shard)).Set(v)
}

// WebRequest counts a request to the web server.
func (m *Metrics) WebRequest(route string, status int) {
	m.webRequests.WithLabelValues(route, strconv.Itoa(status)).Inc()
}

// Index records the index opened at start.
func (m *Metrics) Index(files, sentences, bytes int, took time.Duration, built bool) {
	m.indexFiles.Set(float64(files))
	m.indexSents.Set(float64(sentences))
	m.indexBytes.Set(float64(bytes))
	m.indexSeconds.Set(took.Seconds())
	if built {
		m.indexBuilt.Set(1)
	} else {
		m.indexBuilt.Set(0)
	}
}

// Handler serves the metrics for Prometheus to scrape.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}
