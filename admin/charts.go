package admin

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// series is one line of a chart: a name and a value at each time.
type series struct {
	name   string
	at     []time.Time
	values []float64
}

// chart is what a line chart shows.
type chart struct {
	title, unit string
	lines       []series
	percent     bool // values are shares, drawn 0–100 %
}

// svg draws the chart with gonum/plot and returns it to inline in a page
// (no script, no external asset).
func (c chart) svg() (template.HTML, error) {
	p := plot.New()
	p.Title.Text = c.title
	p.Y.Label.Text = c.unit
	p.Y.Min = 0
	p.X.Tick.Marker = plot.TimeTicks{Format: "Jan 2"}
	p.Legend.Top = true
	p.Add(plotter.NewGrid())
	maxY := 0.0
	for i, s := range c.lines {
		xys := make(plotter.XYs, len(s.at))
		for j, t := range s.at {
			v := s.values[j]
			if c.percent {
				v *= 100
			}
			if math.IsNaN(v) {
				v = 0
			}
			xys[j] = plotter.XY{X: float64(t.Unix()), Y: v}
			maxY = max(maxY, v)
		}
		line, err := plotter.NewLine(xys)
		if err != nil {
			return "", fmt.Errorf("admin: chart %q: %w", c.title, err)
		}
		line.Color = plotutil.Color(i)
		line.Width = vg.Points(1.5)
		p.Add(line)
		p.Legend.Add(legendName(s.name), line)
	}
	p.Y.Max = max(maxY*1.1, 1)
	canvas := vgsvg.New(16*vg.Centimeter, 7*vg.Centimeter)
	p.Draw(draw.New(canvas))
	var b bytes.Buffer
	if _, err := canvas.WriteTo(&b); err != nil {
		return "", fmt.Errorf("admin: chart %q: %w", c.title, err)
	}
	out := b.String()
	if i := strings.Index(out, "<svg"); i >= 0 {
		out = out[i:] // inline: without the XML declaration
	}
	return template.HTML(out), nil
}

// legendName keeps a name from the record to letters, digits, spaces
// and a few signs, so that nothing a reader typed reaches the SVG.
func legendName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(" @/%-_", r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func formatPercent(f float64) string {
	if math.IsNaN(f) {
		return "–"
	}
	return fmt.Sprintf("%.1f %%", 100*f)
}
