package corpus

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestDecodeHTML reads a page's text in the encoding it is in: UTF-8
// when it is valid UTF-8, whatever its <meta> says (a page a browser
// saved keeps the original's "charset=gb2312"); otherwise as its <meta>
// or XML declaration names, Windows-1252 when it names none.
func TestDecodeHTML(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("新电脑")
	if err != nil {
		t.Fatal(err)
	}
	meta := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" /></head><body><p>`
	tests := []struct {
		name string
		page string
		want string
	}{
		{"saved in UTF-8 under a GB2312 meta", meta + "新电脑</p></body></html>", "新电脑"},
		{"in GB2312 as its meta says", meta + gbk + "</p></body></html>", "新电脑"},
		{"Windows-1252 without a meta", "<html><body><p>caf\xe9 \x93warm\x94</p></body></html>", "café “warm”"},
		{"Latin-1 as its XML declaration says", `<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>na` + "\xefve</p></body></html>", "naïve"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := decodeHTML([]byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(out); !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want it to hold %q", got, tt.want)
			}
		})
	}
}
