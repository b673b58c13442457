package metrics

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// TestDeployFilesNameRealMetrics loads the Grafana dashboard and the
// Prometheus alert rules shipped in deploy/ and checks that every metric
// and label their expressions name exists in Lectern's registry, so that
// renaming a metric cannot leave a panel or an alert silently empty.
func TestDeployFilesNameRealMetrics(t *testing.T) {
	known := registered(t)
	for _, f := range []struct {
		name  string
		exprs func(t *testing.T, data []byte) []string
	}{
		{"../deploy/grafana/lectern.json", dashboardExprs},
		{"../deploy/prometheus/alerts.yml", alertExprs},
	} {
		t.Run(f.name, func(t *testing.T) {
			data, err := os.ReadFile(f.name)
			if err != nil {
				t.Fatal(err)
			}
			exprs := f.exprs(t, data)
			if len(exprs) < 5 {
				t.Fatalf("got %d expressions, want at least 5", len(exprs))
			}
			for _, e := range exprs {
				checkExpr(t, e, known)
			}
		})
	}
}

// registered returns each metric Lectern exposes with its label names,
// histograms also under their _bucket, _count and _sum series.
func registered(t *testing.T) map[string]map[string]bool {
	t.Helper()
	m := New()
	m.Interaction("ask", "answered", time.Second)
	m.NothingFound("ask")
	m.DiscordError("edit original", 500)
	m.WebRequest("api/ask", 200)
	m.ShardConnected(0, true)
	m.Index(1, 1, 1, time.Second, true)
	families, err := m.registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]map[string]bool{}
	for _, f := range families {
		labels := map[string]bool{"job": true, "instance": true, "le": true}
		for _, metric := range f.GetMetric() {
			for _, l := range metric.GetLabel() {
				labels[l.GetName()] = true
			}
		}
		known[f.GetName()] = labels
		if f.GetType().String() == "HISTOGRAM" {
			for _, s := range []string{"_bucket", "_count", "_sum"} {
				known[f.GetName()+s] = labels
			}
		}
	}
	return known
}

var (
	metricName = regexp.MustCompile(`\b(?:lectern|go|process)_[a-z0-9_]+\b`)
	selector   = regexp.MustCompile(`\b((?:lectern|go|process)_[a-z0-9_]+)\{([^}]*)\}`)
	matcher    = regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)`)
)

// checkExpr fails when expr names a metric, or a label of a metric, that
// Lectern does not expose.
func checkExpr(t *testing.T, expr string, known map[string]map[string]bool) {
	t.Helper()
	for _, name := range metricName.FindAllString(expr, -1) {
		if known[name] == nil {
			t.Errorf("%q names %s, which Lectern does not expose", expr, name)
		}
	}
	for _, sel := range selector.FindAllStringSubmatch(expr, -1) {
		for _, m := range matcher.FindAllStringSubmatch(sel[2], -1) {
			if labels := known[sel[1]]; labels != nil && !labels[m[1]] {
				t.Errorf("%q selects %s by label %q, which it does not have", expr, sel[1], m[1])
			}
		}
	}
}

// dashboardExprs returns the query of every panel of a Grafana dashboard.
func dashboardExprs(t *testing.T, data []byte) []string {
	t.Helper()
	var d struct {
		Panels []struct {
			Title   string
			Targets []struct{ Expr string }
		}
	}
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("the dashboard is not JSON: %v", err)
	}
	var out []string
	for _, p := range d.Panels {
		if len(p.Targets) == 0 {
			t.Errorf("panel %q has no query", p.Title)
		}
		for _, q := range p.Targets {
			out = append(out, q.Expr)
		}
	}
	return out
}

// alertExprs returns the expression of every alert rule, checking that
// each has a name, a severity and a summary.
func alertExprs(t *testing.T, data []byte) []string {
	t.Helper()
	var f struct {
		Groups []struct {
			Rules []struct {
				Alert       string
				Expr        string
				Labels      map[string]string
				Annotations map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(data, &f); err != nil {
		t.Fatalf("the alert rules are not YAML: %v", err)
	}
	var out []string
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			if r.Alert == "" || r.Labels["severity"] == "" || r.Annotations["summary"] == "" {
				t.Errorf("rule %q lacks a name, a severity or a summary", r.Alert)
			}
			out = append(out, strings.TrimSpace(r.Expr))
		}
	}
	return out
}
