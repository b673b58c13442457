package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestServeAdmin runs the binary with and without LECTERN_ADMIN_TOKEN:
// with it, /admin asks for the token, signs the owner in and serves the
// pages; without it, /admin does not exist. The token is never printed.
func TestServeAdmin(t *testing.T) {
	const token = "admin-token-for-the-e2e-test-0123"
	for _, tt := range []struct {
		name   string
		env    []string
		wantOn bool
	}{
		{"with a token", []string{"LECTERN_ADMIN_TOKEN=" + token}, true},
		{"without", nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			addr := freeAddr(t)
			base := "http://" + addr
			p := startBinary(t, append(tt.env, "LECTERN_ADDR="+addr, "LECTERN_DATA_DIR="+t.TempDir(), "LECTERN_INDEX_DIR="+t.TempDir()), "serve")
			waitHealthy(t, base, p)
			client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			resp, err := client.Get(base + "/admin/")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if !tt.wantOn {
				if resp.StatusCode != http.StatusNotFound {
					t.Errorf("/admin/ without a token: got %d, want 404", resp.StatusCode)
				}
				return
			}
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/admin/login" {
				t.Fatalf("/admin/: got %d → %q, want 303 → /admin/login", resp.StatusCode, resp.Header.Get("Location"))
			}
			resp, err = client.PostForm(base+"/admin/login", url.Values{"token": {token}})
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			cookies := resp.Cookies()
			if resp.StatusCode != http.StatusSeeOther || len(cookies) != 1 {
				t.Fatalf("sign-in: got %d with %d cookies", resp.StatusCode, len(cookies))
			}
			req, _ := http.NewRequest("GET", base+"/admin/review", nil)
			req.AddCookie(cookies[0]) // by hand: a jar keeps Secure cookies from plain HTTP
			resp, err = client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("/admin/review signed in: got %d", resp.StatusCode)
			}
			if strings.Contains(p.out.String(), token) {
				t.Errorf("the token is printed:\n%s", p.out)
			}
		})
	}
}
