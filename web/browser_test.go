package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/lectern-bot/lectern/internal/browsertest"
)

// TestBrowserFollowsACitation drives headless Chromium, at a phone's
// size, through the search page: it asks a question, follows the first
// answer's citation to the reader, and checks that the cited lines are
// highlighted and in view. Screenshots are saved in a temporary folder.
func TestBrowserFollowsACitation(t *testing.T) {
	srv, _ := server(t)
	shots, err := os.MkdirTemp("", "lectern-screenshots-")
	if err != nil {
		t.Fatal(err)
	}
	bctx := browsertest.Start(t, 412, 915, 30*time.Second)

	steps := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, actions...); err != nil {
			t.Fatalf("browser: %v", err)
		}
	}
	value := func(v any, err error) any {
		t.Helper()
		if err != nil {
			t.Fatalf("browser: %v", err)
		}
		return v
	}
	steps(
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`input[name=q]`),
		chromedp.SendKeys(`input[name=q]`, "Why did the Bolsheviks dissolve the Constituent Assembly?"),
		chromedp.Submit(`input[name=q]`),
		chromedp.WaitVisible(`#answers .answer a.cite`),
	)
	searchShot := value(chromedp.Run(bctx, chromedp.FullScreenshot(90))).([]byte)
	steps(chromedp.Click(`#answers .answer a.cite`, chromedp.NodeVisible))
	// Wait for the reader with plain script: chromedp's own DOM waits
	// stall on a page reached by a link to a fragment.
	var highlighted []string
	for deadline := time.Now().Add(10 * time.Second); len(highlighted) == 0 && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
		highlighted, _ = chromedp.Run(bctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".l.hl")).map(e => e.id)`))
	}
	location := value(chromedp.Run(bctx, chromedp.Location())).(string)
	inView := value(chromedp.Run(bctx, chromedp.Evaluate[bool](`(() => { const r = document.querySelector(".l.hl").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`))).(bool)
	readerShot := value(chromedp.Run(bctx, chromedp.CaptureScreenshot())).([]byte)
	for name, png := range map[string][]byte{"search.jpg": searchShot, "reader.png": readerShot} {
		if err := os.WriteFile(filepath.Join(shots, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots in %s", shots)
	if !strings.HasSuffix(location, "/text/interview.txt#L321-L325") {
		t.Errorf("the citation led to %s", location)
	}
	if strings.Join(highlighted, " ") != "L321 L322 L323 L324 L325" {
		t.Errorf("highlighted %v, want lines 321 to 325", highlighted)
	}
	if !inView {
		t.Error("the cited lines are not in view")
	}
}
