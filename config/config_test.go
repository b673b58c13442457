package config

import (
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestPrecedence(t *testing.T) {
	dotenv := "DISCORD_TOKEN=from-file\nDISCORD_GUILD_ID=111111111111111111\nLECTERN_RESULTS=4\nLECTERN_COOLDOWN=7s\n"
	tests := []struct {
		name    string
		flags   map[string]string
		env     map[string]string
		results int
		guild   string
		token   string
	}{
		{"file only", nil, nil, 4, "111111111111111111", "from-file"},
		{"env beats file", nil, map[string]string{KeyResults: "5", KeyToken: "from-env"}, 5, "111111111111111111", "from-env"},
		{"flag beats env", map[string]string{KeyResults: "6"}, map[string]string{KeyResults: "5"}, 6, "111111111111111111", "from-file"},
		{"empty env falls through", nil, map[string]string{KeyGuild: ""}, 4, "111111111111111111", "from-file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(Sources{Flags: tt.flags, Getenv: env(tt.env), EnvFile: strings.NewReader(dotenv), EnvName: ".env"})
			if err != nil {
				t.Fatal(err)
			}
			if c.Results != tt.results || c.GuildID != tt.guild || c.Token.Reveal() != tt.token || c.Cooldown != 7*time.Second {
				t.Errorf("got results=%d guild=%s token=%s cooldown=%s; want %d %s %s 7s", c.Results, c.GuildID, c.Token.Reveal(), c.Cooldown, tt.results, tt.guild, tt.token)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	cacheDir := func() (string, error) { return "/home/u/.cache", nil }
	c, err := Load(Sources{Getenv: env(nil), UserCacheDir: cacheDir})
	if err != nil {
		t.Fatal(err)
	}
	if c.APIURL != bot.DefaultAPIURL || c.Results != retrieval.DefaultResults || c.Cooldown != DefaultCooldown || c.Level(slog.LevelWarn) != slog.LevelWarn ||
		c.IndexDir != "/home/u/.cache/lectern" || c.Corpus != "" || c.Addr != DefaultAddr || c.MaxFileSize != corpus.DefaultMaxFileSize ||
		!c.Record || c.DataDir != "/home/u/.cache/lectern-data" || c.ShardCount != 0 || c.PublicKey != nil {
		t.Errorf("defaults %+v", c)
	}
	if err := c.RequireToken(); err == nil {
		t.Error("RequireToken accepted a missing token")
	}
	c, _ = Load(Sources{Getenv: env(nil), UserCacheDir: func() (string, error) { return "", errors.New("no home") }})
	if c.IndexDir != "" {
		t.Errorf("index dir %q without a cache directory, want none (in memory)", c.IndexDir)
	}
}

func TestValidValues(t *testing.T) {
	key := "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29"
	c, err := Load(Sources{Getenv: env(map[string]string{
		KeyPublicKey: key, KeyShardCount: "4", KeyShardID: "3", KeyAddr: "127.0.0.1:9000",
		KeyPublicURL: "https://lectern.example.org/", KeyRecord: "off", KeyMaxFileMB: "64",
		KeySourceURL: "https://docs.example.org/{path}/#{anchor}", KeySlugs: "MkDocs",
	})})
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(c.PublicKey) != key || c.ShardCount != 4 || c.ShardID != 3 || c.Addr != "127.0.0.1:9000" ||
		c.PublicURL != "https://lectern.example.org" || c.Record || c.MaxFileSize != 64<<20 ||
		c.Links.Template != "https://docs.example.org/{path}/#{anchor}" || c.Links.Slugs != retrieval.SlugsMkDocs {
		t.Errorf("parsed %+v", c)
	}
	c, err = Load(Sources{Getenv: env(map[string]string{KeyShardCount: "auto"})})
	if err != nil || c.ShardCount != bot.ShardAuto {
		t.Errorf("auto shards: %v %+v", err, c)
	}
}

func TestInvalidValues(t *testing.T) {
	tests := []struct {
		key, value string
		want       string
	}{
		{KeyResults, "0", "from 1 to 10"},
		{KeyResults, "eleven", "from 1 to 10"},
		{KeyCooldown, "soon", "duration"},
		{KeyCooldown, "-1s", "duration"},
		{KeyLogLevel, "loud", "debug, info, warn or error"},
		{KeyAPIURL, "discord.com/api", "not an http(s) URL"},
		{KeyAPIURL, "ftp://x/api", "not an http(s) URL"},
		{KeyGuild, "my-server", "not a Discord ID"},
		{KeyCorpus, "/no/such/book.txt", "does not exist"},
		{KeyToken, "two words", "white space"},
		{KeyPublicKey, "not-hex", "64 hexadecimal digits"},
		{KeyPublicKey, "abcd", "64 hexadecimal digits"},
		{KeyShardCount, "0", "from 1 to 4096"},
		{KeyShardCount, "many", "or auto"},
		{KeyAddr, "8080", "address to listen on"},
		{KeyPublicURL, "lectern.example.org", "public address"},
		{KeyRecord, "sometimes", "on or off"},
		{KeyAdminToken, "short", "at least 16 characters"},
		{KeyDatabase, "mysql://root:hunter2@db/lectern", "PostgreSQL URL"},
		{KeyWatch, "sometimes", "how often to check"},
		{KeyWatch, "10ms", "at least 1s"},
		{KeyAdminToken, "sixteen chars with spaces", "without spaces"},
		{KeyMaxFileMB, "0", "megabytes"},
		{KeySourceURL, "https://docs.example.org/#{anchor}", "no {path}"},
		{KeySlugs, "sphinx", "unknown slug style"},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			_, err := Load(Sources{Getenv: env(map[string]string{tt.key: tt.value})})
			var ce *Error
			if !errors.As(err, &ce) || len(ce.Problems) != 1 {
				t.Fatalf("err %v, want one problem", err)
			}
			p := ce.Problems[0]
			if p.Key != tt.key || !ce.Has(tt.key) || !strings.HasPrefix(p.String(), tt.key+": ") || !strings.Contains(p.Message, tt.want) {
				t.Errorf("problem %+v, want %s: …%s…", p, tt.key, tt.want)
			}
		})
	}
}

func TestProblemsNameTheirSource(t *testing.T) {
	tests := []struct {
		name string
		src  Sources
		want string
	}{
		{"flag", Sources{Flags: map[string]string{KeyCorpus: "/no/book"}, FlagNames: map[string]string{KeyCorpus: "--corpus"}}, "--corpus: /no/book does not exist"},
		{"environment", Sources{Getenv: env(map[string]string{KeyCorpus: "/no/book"})}, "LECTERN_CORPUS: /no/book does not exist"},
		{".env file", Sources{EnvFile: strings.NewReader("LECTERN_CORPUS=/no/book\n"), EnvName: "my.env"}, "my.env: LECTERN_CORPUS: /no/book does not exist"},
		{"shard id without count", Sources{Getenv: env(map[string]string{KeyShardID: "1"})}, "DISCORD_SHARD_ID: needs DISCORD_SHARD_COUNT"},
		{"shard id out of range", Sources{Getenv: env(map[string]string{KeyShardCount: "2", KeyShardID: "2"})}, "from 0 to 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.src)
			if err == nil || err.Error() != tt.want && !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want %q", err, tt.want)
			}
		})
	}
}

func TestAllProblemsAtOnce(t *testing.T) {
	_, err := Load(Sources{Getenv: env(map[string]string{KeyResults: "0", KeyCooldown: "x", KeyLogLevel: "y"})})
	var ce *Error
	if !errors.As(err, &ce) || len(ce.Problems) != 3 || strings.Count(err.Error(), "\n") != 2 {
		t.Errorf("err %v, want three problems on three lines", err)
	}
}

func TestBrokenEnvFile(t *testing.T) {
	_, err := Load(Sources{Getenv: env(nil), EnvFile: strings.NewReader("DISCORD_TOKEN='unterminated\n"), EnvName: "my.env"})
	if err == nil || !strings.Contains(err.Error(), "my.env") {
		t.Errorf("err %v, want one naming my.env", err)
	}
}

func TestTokenNeverShown(t *testing.T) {
	secret := "MTIz.secret-token-value"
	c, err := Load(Sources{Getenv: env(map[string]string{KeyToken: secret})})
	if err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder
	slog.New(slog.NewTextHandler(&logs, nil)).Info("config", "token", c.Token, "config", c)
	for name, s := range map[string]string{"summary": c.Summary(), "log": logs.String(), "%v": fmt.Sprintf("%v %+v", c.Token, c)} {
		if strings.Contains(s, secret) {
			t.Errorf("%s shows the token: %s", name, s)
		}
	}
	if !strings.Contains(c.Summary(), "DISCORD_TOKEN=[redacted]") {
		t.Errorf("summary %q does not say the token is set", c.Summary())
	}
}

func TestOpenEnvFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	f, _, err := OpenEnvFile("")
	if f != nil || err != nil {
		t.Errorf("no .env: got %v, %v; want nothing and no error", f, err)
	}
	if _, _, err := OpenEnvFile("missing.env"); err == nil || !strings.Contains(err.Error(), "missing.env does not exist") {
		t.Errorf("named missing file: %v", err)
	}
	os.WriteFile(filepath.Join(dir, ".env"), []byte("A=1\n"), 0o644)
	f, name, err := OpenEnvFile("")
	if f == nil || err != nil || name != ".env" {
		t.Errorf(".env present: %v %q %v", f, name, err)
	}
	if f != nil {
		f.Close()
	}
}

func TestLogLevel(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		def  slog.Level
		want slog.Level
	}{
		{"not set: the command's default", nil, slog.LevelWarn, slog.LevelWarn},
		{"not set, a service", nil, slog.LevelInfo, slog.LevelInfo},
		{"debug set", map[string]string{KeyLogLevel: "debug"}, slog.LevelWarn, slog.LevelDebug},
		{"info set, below the command's default", map[string]string{KeyLogLevel: "info"}, slog.LevelWarn, slog.LevelInfo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(Sources{Getenv: env(tt.env)})
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Level(tt.def); got != tt.want {
				t.Errorf("Level(%v) = %v, want %v", tt.def, got, tt.want)
			}
		})
	}
}

func TestRegisterFlags(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		given map[string]string // setting key → value
		names map[string]string
	}{
		{"none", nil, map[string]string{}, map[string]string{}},
		{"corpus and k", []string{"--corpus", ".", "-k", "5"},
			map[string]string{KeyCorpus: ".", KeyResults: "5"},
			map[string]string{KeyCorpus: "--corpus", KeyResults: "-k"}},
		{"empty addr is given", []string{"--addr="}, map[string]string{KeyAddr: ""}, map[string]string{KeyAddr: "--addr"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			f := RegisterFlags(fs, KeyCorpus, KeyIndexDir, KeyResults, KeyAddr)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(f.Values) != fmt.Sprint(tt.given) || fmt.Sprint(f.Names) != fmt.Sprint(tt.names) {
				t.Errorf("values %v names %v, want %v %v", f.Values, f.Names, tt.given, tt.names)
			}
			for key := range tt.given {
				if !f.Given(key) {
					t.Errorf("Given(%s) = false", key)
				}
			}
			if f.Given(KeyIndexDir) {
				t.Error("Given(index dir) without its flag")
			}
			c, err := Load(Sources{Flags: f.Values, FlagNames: f.Names, Getenv: env(map[string]string{KeyResults: "2"})})
			if err != nil {
				t.Fatal(err)
			}
			if want := tt.given[KeyResults]; want != "" && fmt.Sprint(c.Results) != want {
				t.Errorf("results %d, want the flag's %s", c.Results, want)
			}
		})
	}
	t.Run("a setting without a flag", func(t *testing.T) {
		defer func() {
			if recover() == nil {
				t.Error("RegisterFlags accepted a setting without a flag")
			}
		}()
		RegisterFlags(flag.NewFlagSet("test", flag.ContinueOnError), KeyToken)
	})
	t.Run("help names the variable", func(t *testing.T) {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		RegisterFlags(fs, KeyCorpus)
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		if !strings.Contains(b.String(), "-corpus path") || !strings.Contains(b.String(), KeyCorpus) {
			t.Errorf("help %q lacks the value name or the variable", b.String())
		}
	})
}

// TestDatabaseURLIsNeverRepeated checks that neither a bad database URL's
// message nor the summary repeats its password.
func TestDatabaseURLIsNeverRepeated(t *testing.T) {
	for _, v := range []string{"mysql://root:hunter2@db/lectern", "postgres://lectern:hunter2@db.example.org/lectern"} {
		c, err := Load(Sources{Getenv: env(map[string]string{KeyDatabase: v})})
		got := fmt.Sprint(err)
		if c != nil {
			got += c.Summary()
		}
		if strings.Contains(got, "hunter2") {
			t.Errorf("%s: the password is shown: %s", v, got)
		}
	}
}

// TestEverySettingIsDocumented checks that .env.example, which a
// self-hoster copies, and the README's table of settings name every
// setting the summary shows.
func TestEverySettingIsDocumented(t *testing.T) {
	c, err := Load(Sources{})
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []struct{ file, format string }{
		{".env.example", "\n%s="},
		{"README.md", "`%s`"},
	} {
		text, err := os.ReadFile(filepath.Join("..", doc.file))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(c.Summary(), "\n") {
			key, _, _ := strings.Cut(line, "=")
			if !strings.Contains(string(text), fmt.Sprintf(doc.format, key)) {
				t.Errorf("%s does not mention %s", doc.file, key)
			}
		}
	}
}
