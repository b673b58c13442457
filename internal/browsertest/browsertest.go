// Package browsertest starts headless Chromium for tests that drive a
// page as a reader does: the web reader's and the admin pages'. Without
// Chromium the test skips with a message, or fails when
// testsupport.RequireToolsEnv is set.
package browsertest

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/lectern-bot/lectern/internal/testsupport"
)

// Start opens a browser window of width × height and returns its
// context, which ends within the given time and when the test ends.
// Certificates are not checked, so that an httptest TLS server serves.
func Start(t *testing.T, width, height int, within time.Duration) context.Context {
	t.Helper()
	exe := testsupport.Tool(t, "Debian: apt-get install chromium; .ci/run installs it", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Flag("ignore-certificate-errors", true),
		chromedp.WindowSize(width, height),
	)
	ctx, cancel := context.WithTimeout(context.Background(), within)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		bcancel()
		acancel()
		cancel()
	})
	return bctx
}
