package admin

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/lectern-bot/lectern/internal/browsertest"
	"github.com/lectern-bot/lectern/internal/testindex"
	"github.com/lectern-bot/lectern/internal/testsupport"
	"github.com/lectern-bot/lectern/web"
)

// TestBrowserOwnerLoop drives headless Chromium through the owner's
// loop on the real web server: sign in, see the overview's charts, mark
// the lines that answer a question from the review list, run a quality
// measurement and see its figure on the chart. Screenshots are saved in
// a temporary folder; with -update the overview's is written to
// docs/admin-overview.png for the README.
func TestBrowserOwnerLoop(t *testing.T) {
	s := newSite(t)
	for i := range 40 { // some history for the charts
		s.clock.add(-time.Duration(i%9) * 24 * time.Hour)
		s.ask(t, fmt.Sprintf("What did Lenin say about peace, part %d?", i%5), "interview.txt", 351, 353, i%7 == 0)
		s.clock.add(time.Duration(i%9) * 24 * time.Hour)
	}
	ws := web.New(web.Options{Admin: s.h, Logger: s.h.log})
	ws.Ready(testindex.Interview(t))
	srv := httptest.NewTLSServer(ws)
	t.Cleanup(srv.Close)

	bctx := browsertest.Start(t, 1280, 900, 3*browserWait)
	b := &browser{t: t, ctx: bctx, shots: t.TempDir()}

	b.do(chromedp.Navigate(srv.URL+"/admin/"), chromedp.WaitVisible(`input[name=token]`),
		chromedp.SendKeys(`input[name=token]`, testToken), chromedp.Submit(`input[name=token]`))
	b.waitFor(`document.querySelectorAll(".chart svg").length === 4`)
	drawn := b.eval(`Array.from(document.querySelectorAll(".chart svg")).filter(s => s.querySelectorAll("path, line, polyline").length > 0 && s.getBoundingClientRect().width > 100).length`)
	if fmt.Sprint(drawn) != "4" {
		t.Errorf("%v charts drawn with lines, want 4", drawn)
	}
	overview := b.shot("overview.png")
	if testsupport.Updating() {
		if err := os.WriteFile(filepath.Join(testsupport.ModuleRoot(t), "docs", "admin-overview.png"), overview, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	b.do(chromedp.Navigate(srv.URL+"/admin/review"), chromedp.WaitVisible(`form.mark`))
	row := fmt.Sprintf("#q%d", s.bolsheviks)
	b.click(row + " a[target=reader]")
	b.waitFor(`document.querySelector("iframe[name=reader]").contentDocument.querySelector(".l.hl") !== null`)
	b.do(chromedp.SendKeys(row+" input[name=lines]", "321-325"))
	b.click(row + " button[name=mark]")
	b.waitFor(`document.body.innerText.includes("Marked: interview.txt 321–325")`)
	b.shot("review.png")

	b.do(chromedp.Navigate(srv.URL+"/admin/quality"), chromedp.WaitVisible(`#run`))
	b.click(`#run`)
	b.waitFor(`document.querySelector("#quality-chart svg") !== null`)
	b.shot("quality.png")
	if got := b.eval(`document.querySelector("table tr:nth-child(2) td:nth-child(4)").innerText`); !strings.HasPrefix(fmt.Sprint(got), "100.0") {
		t.Errorf("the run's hit@1 reads %v, want 100.0 %%", got)
	}
	t.Logf("screenshots in %s", b.shots)
}

// browser runs chromedp steps, failing the test on an error.
type browser struct {
	t     *testing.T
	ctx   context.Context
	shots string
}

func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

func (b *browser) eval(js string) any {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](js))
	if err != nil {
		b.t.Fatalf("browser: %s: %v", js, err)
	}
	return v
}

// click clicks the element sel selects once the page has drawn a frame
// since it loaded (two animation frames mean one has been drawn). Once in
// CI a click on "Run now", sent right after the page loaded while the
// machine was busy, started no run; input sent to a page not yet drawn
// is the likely way it went missing, not a proven one.
func (b *browser) click(sel string) {
	b.t.Helper()
	drawn := chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, chromedp.EvalAwaitPromise)
	if _, err := chromedp.Run(b.ctx, drawn); err != nil {
		b.t.Fatalf("browser: waiting for the page to be drawn: %v", err)
	}
	b.do(chromedp.Click(sel))
}

// browserWait is how long the browser may take to show what a step
// waits for: a quality run's chart took more than 20 seconds while the
// other packages' tests ran beside it on two cores.
const browserWait = 45 * time.Second

// waitFor polls a script until it is true: chromedp's own waits stall on
// pages reached through a fragment or refreshed by the page itself.
func (b *browser) waitFor(js string) {
	b.t.Helper()
	for deadline := time.Now().Add(browserWait); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if v, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js)); err == nil && v {
			return
		}
	}
	page, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText.slice(0, 500)`))
	b.t.Fatalf("browser: %s never became true on %s", js, page)
}

func (b *browser) shot(name string) []byte {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("browser: screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	return png
}
