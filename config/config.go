// Package config reads Lectern's settings from flags, the environment and a
// .env file, in that order of precedence, and validates them.
package config

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/joho/godotenv"

	"github.com/lectern-bot/lectern/admin"
	"github.com/lectern-bot/lectern/bot"
	"github.com/lectern-bot/lectern/corpus"
	"github.com/lectern-bot/lectern/retrieval"
)

// Names of the settings, as environment variables and .env keys.
const (
	KeyToken      = "DISCORD_TOKEN"
	KeyGuild      = "DISCORD_GUILD_ID"
	KeyAPIURL     = "DISCORD_API_URL"
	KeyPublicKey  = "DISCORD_PUBLIC_KEY"
	KeyShardCount = "DISCORD_SHARD_COUNT"
	KeyShardID    = "DISCORD_SHARD_ID"
	KeyCorpus     = "LECTERN_CORPUS"
	KeyIndexDir   = "LECTERN_INDEX_DIR"
	KeyMaxFileMB  = "LECTERN_MAX_FILE_MB"
	KeyResults    = "LECTERN_RESULTS"
	KeyCooldown   = "LECTERN_COOLDOWN"
	KeyLogLevel   = "LECTERN_LOG_LEVEL"
	KeyAddr       = "LECTERN_ADDR"
	KeyPublicURL  = "LECTERN_PUBLIC_URL"
	KeySourceURL  = "LECTERN_SOURCE_URL"
	KeySlugs      = "LECTERN_SOURCE_SLUGS"
	KeyDataDir    = "LECTERN_DATA_DIR"
	KeyRecord     = "LECTERN_RECORD"
	KeyAdminToken = "LECTERN_ADMIN_TOKEN"
	KeyDatabase   = "LECTERN_DATABASE_URL"
	KeyWatch      = "LECTERN_WATCH"
)

// Defaults of the settings that Lectern's packages do not own
// themselves; the rest come from them (bot.DefaultAPIURL,
// retrieval.DefaultResults, corpus.DefaultMaxFileSize).
const (
	DefaultCooldown = 3 * time.Second
	DefaultAddr     = ":8080"
	// ShutdownTimeout bounds how long stopping waits for the work in
	// flight: the web server's requests, and the bot's answers.
	ShutdownTimeout = 10 * time.Second
	// DefaultWatch is how often run and serve look for changes in the
	// corpus when the file system sends no events.
	DefaultWatch = 30 * time.Second
)

// setting is one setting that a command-line flag can set: the flag and
// what it means, the name of its value in backquotes (as package flag
// reads it). Its environment variable is the key.
type setting struct {
	key, flag, usage string
}

// flagged are the settings with flags. A flag given wins over the
// environment and the .env file.
var flagged = []setting{
	{KeyCorpus, "corpus", "the text `path` to answer from: a file (" + corpus.FileTypes() + ") or a folder of them (default: the embedded interview)"},
	{KeyIndexDir, "index-dir", "`directory` where indexes of books are cached (default: the user cache directory)"},
	{KeyResults, "k", fmt.Sprintf("`number` of results per query, 1 to %d (default %d)", retrieval.MaxResults, retrieval.DefaultResults)},
	{KeyGuild, "guild", "register the commands to this server `ID` only, at once (default: globally)"},
	{KeyAddr, "addr", "`address` to listen on, e.g. " + DefaultAddr},
}

// Flags are the values of setting flags given on a command line.
type Flags struct {
	Values map[string]string // by setting key
	Names  map[string]string // by setting key: the flag as written, "--corpus"
}

// RegisterFlags adds to fs the flags of the settings keys, which must be
// settings with flags, and returns what they collect when fs is parsed.
func RegisterFlags(fs *flag.FlagSet, keys ...string) *Flags {
	f := &Flags{Values: map[string]string{}, Names: map[string]string{}}
	for _, key := range keys {
		s, ok := flaggedSetting(key)
		if !ok {
			panic("config: " + key + " has no flag")
		}
		fs.Func(s.flag, s.usage+" (env "+s.key+")", func(v string) error {
			f.Values[s.key] = v
			f.Names[s.key] = flagName(s.flag)
			return nil
		})
	}
	return f
}

// Given reports whether the flag of a setting was given.
func (f *Flags) Given(key string) bool {
	_, ok := f.Values[key]
	return ok
}

func flaggedSetting(key string) (setting, bool) {
	for _, s := range flagged {
		if s.key == key {
			return s, true
		}
	}
	return setting{}, false
}

// flagName writes a flag as it is given: "-k", "--corpus".
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// Secret is a value that must never be printed or logged.
type Secret string

// String redacts the secret.
func (s Secret) String() string {
	if s == "" {
		return "(not set)"
	}
	return "[redacted]"
}

// LogValue redacts the secret in logs.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// Reveal returns the secret's value, for the one place that needs it.
func (s Secret) Reveal() string { return string(s) }

// Config is Lectern's validated settings.
type Config struct {
	Token       Secret
	GuildID     string
	APIURL      string
	PublicKey   ed25519.PublicKey // verifies HTTP interactions; nil when not set
	ShardCount  int               // 0 for one connection, ShardAuto for Discord's recommendation
	ShardID     int
	Corpus      string // a file or directory; "" for the embedded interview
	IndexDir    string // where book indexes are cached; "" to keep them in memory
	MaxFileSize int64  // largest text file read, in bytes
	Results     int
	Cooldown    time.Duration
	LogLevel    slog.Level // info when not set; see Level
	Addr        string     // where serve (and run, when asked) listens
	PublicURL   string     // where the reader is published, for links in answers; "" for none
	// Links are where a documentation site publishes the corpus's pages
	// (LECTERN_SOURCE_URL), which answers link to before the reader.
	Links   retrieval.SourceLinks
	DataDir string // where the record of questions is kept
	Record  bool   // keep a record of questions and feedback
	// AdminToken signs the owner in to /admin; "" leaves /admin off.
	AdminToken Secret
	// Watch is how often run and serve check the corpus for changes
	// besides the file system's events; 0 turns watching off.
	Watch time.Duration
	// DatabaseURL is a PostgreSQL database (postgres://…) that keeps the
	// record and the cooldown for every replica; "" keeps the record in
	// SQLite in DataDir. A secret: it may hold a password.
	DatabaseURL Secret

	logLevelSet bool
}

// Level is the configured log level, or def when none was set: commands
// that print answers log less by default than the services do.
func (c *Config) Level(def slog.Level) slog.Level {
	if c.logLevelSet {
		return c.LogLevel
	}
	return def
}

// Problem is one invalid setting.
type Problem struct {
	Key     string // the setting, e.g. LECTERN_RESULTS
	Source  string // where the value came from: "--corpus", "LECTERN_CORPUS" or ".env"
	Message string
}

func (p Problem) String() string { return p.Source + ": " + p.Message }

// Error lists every problem found in the settings, one line each.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Has reports whether one of the problems is with the setting key.
func (e *Error) Has(key string) bool {
	for _, p := range e.Problems {
		if p.Key == key {
			return true
		}
	}
	return false
}

// Sources are where settings come from.
type Sources struct {
	// Flags holds the flags that were set, by setting key; they win over
	// the rest. FlagNames names each ("--corpus"), for messages.
	Flags     map[string]string
	FlagNames map[string]string
	Getenv    func(string) string // the environment
	EnvFile   io.Reader           // a .env file; nil when there is none
	EnvName   string              // the .env file's name, for messages
	// UserCacheDir is where the index cache goes by default, below a
	// "lectern" folder; nil means os.UserCacheDir.
	UserCacheDir func() (string, error)
}

// loader reads raw values and collects problems.
type loader struct {
	src      Sources
	dotenv   map[string]string
	problems []Problem
}

// get returns a setting's value and where it came from.
func (l *loader) get(key string) (value, source string) {
	if v, ok := l.src.Flags[key]; ok {
		name := l.src.FlagNames[key]
		if name == "" {
			name = key
		}
		return strings.TrimSpace(v), name
	}
	if v := l.src.Getenv(key); v != "" {
		return strings.TrimSpace(v), key
	}
	if v, ok := l.dotenv[key]; ok {
		return strings.TrimSpace(v), l.src.EnvName + ": " + key
	}
	return "", key
}

func (l *loader) bad(key, source, format string, args ...any) {
	l.problems = append(l.problems, Problem{Key: key, Source: source, Message: fmt.Sprintf(format, args...)})
}

// Load reads and validates the settings.
func Load(src Sources) (*Config, error) {
	if src.Getenv == nil {
		src.Getenv = func(string) string { return "" }
	}
	l := &loader{src: src, dotenv: map[string]string{}}
	if src.EnvFile != nil {
		m, err := godotenv.Parse(src.EnvFile)
		if err != nil {
			return nil, &Error{Problems: []Problem{{Source: src.EnvName, Message: fmt.Sprintf("cannot parse: %v", err)}}}
		}
		l.dotenv = m
	}
	c := &Config{Results: retrieval.DefaultResults, Cooldown: DefaultCooldown, MaxFileSize: corpus.DefaultMaxFileSize, Addr: DefaultAddr, Record: true, Watch: DefaultWatch}
	l.discord(c)
	l.corpus(c)
	l.behaviour(c)
	l.service(c)
	if len(l.problems) > 0 {
		return nil, &Error{Problems: l.problems}
	}
	return c, nil
}

// discord reads the settings of the connection to Discord.
func (l *loader) discord(c *Config) {
	token, src := l.get(KeyToken)
	c.Token = Secret(token)
	if strings.ContainsAny(token, " \t\n") {
		l.bad(KeyToken, src, "contains white space; paste the token alone")
	}
	if c.GuildID, src = l.get(KeyGuild); c.GuildID != "" && !bot.IsSnowflake(c.GuildID) {
		l.bad(KeyGuild, src, "%q is not a Discord ID (a number such as 123456789012345678)", c.GuildID)
	}
	c.APIURL, src = l.get(KeyAPIURL)
	if c.APIURL == "" {
		c.APIURL = bot.DefaultAPIURL
	} else if u, err := url.Parse(c.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		l.bad(KeyAPIURL, src, "%q is not an http(s) URL such as %s", c.APIURL, bot.DefaultAPIURL)
	} else {
		c.APIURL = strings.TrimRight(c.APIURL, "/")
	}
	if v, src := l.get(KeyPublicKey); v != "" {
		key, err := hex.DecodeString(v)
		if err != nil || len(key) != ed25519.PublicKeySize {
			l.bad(KeyPublicKey, src, "must be the application's public key: 64 hexadecimal digits (Developer Portal → General Information)")
		} else {
			c.PublicKey = key
		}
	}
	count, countSrc := l.get(KeyShardCount)
	id, idSrc := l.get(KeyShardID)
	switch {
	case count == "":
		if id != "" {
			l.bad(KeyShardID, idSrc, "needs %s too", KeyShardCount)
		}
	case strings.EqualFold(count, "auto"):
		c.ShardCount = bot.ShardAuto
		if id != "" {
			l.bad(KeyShardID, idSrc, "cannot be set with %s=auto, which runs every shard", KeyShardCount)
		}
	default:
		n, err := strconv.Atoi(count)
		if err != nil || n < 1 || n > 4096 {
			l.bad(KeyShardCount, countSrc, "%q must be a number of shards from 1 to 4096, or auto", count)
			break
		}
		c.ShardCount = n
		if id == "" {
			if n > 1 {
				l.bad(KeyShardID, idSrc, "must say which of the %d shards this process runs (0 to %d)", n, n-1)
			}
			break
		}
		s, err := strconv.Atoi(id)
		if err != nil || s < 0 || s >= n {
			l.bad(KeyShardID, idSrc, "%q must be a shard number from 0 to %d", id, n-1)
		}
		c.ShardID = s
	}
}

// corpus reads what to answer from and where indexes are kept.
func (l *loader) corpus(c *Config) {
	var src string
	if c.Corpus, src = l.get(KeyCorpus); c.Corpus != "" {
		if _, err := os.Stat(c.Corpus); err != nil {
			l.bad(KeyCorpus, src, "%s", describeStatError(c.Corpus, err))
		}
	}
	if c.IndexDir, _ = l.get(KeyIndexDir); c.IndexDir == "" {
		cacheDir := l.src.UserCacheDir
		if cacheDir == nil {
			cacheDir = os.UserCacheDir
		}
		if d, err := cacheDir(); err == nil {
			c.IndexDir = filepath.Join(d, "lectern")
		}
	}
	l.sourceLinks(c)
	if v, src := l.get(KeyMaxFileMB); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 16384 {
			l.bad(KeyMaxFileMB, src, "%q must be a size in megabytes from 1 to 16384", v)
		} else {
			c.MaxFileSize = int64(n) << 20
		}
	}
}

// sourceLinks reads where a documentation site publishes the corpus.
func (l *loader) sourceLinks(c *Config) {
	name, src := l.get(KeySlugs)
	style, err := retrieval.ParseSlugStyle(name)
	if err != nil {
		l.bad(KeySlugs, src, "%v", err)
		return
	}
	template, src := l.get(KeySourceURL)
	if c.Links, err = retrieval.ParseSourceLinks(template, style); err != nil {
		l.bad(KeySourceURL, src, "%v", err)
	}
}

// behaviour reads how answers are given and logged.
func (l *loader) behaviour(c *Config) {
	if v, src := l.get(KeyResults); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > retrieval.MaxResults {
			l.bad(KeyResults, src, "%q must be a whole number from 1 to %d", v, retrieval.MaxResults)
		} else {
			c.Results = n
		}
	}
	if v, src := l.get(KeyCooldown); v != "" {
		d, err := parseDuration(v)
		if err != nil || d < 0 || d > time.Hour {
			l.bad(KeyCooldown, src, "%q must be a duration such as 3s or 500ms (0 to turn it off, at most 1h)", v)
		} else {
			c.Cooldown = d
		}
	}
	if v, src := l.get(KeyLogLevel); v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			l.bad(KeyLogLevel, src, "%q must be debug, info, warn or error", v)
		}
		c.logLevelSet = true
	}
}

// service reads the web server's and the record's settings.
func (l *loader) service(c *Config) {
	if v, src := l.get(KeyAddr); v != "" {
		if _, port, err := net.SplitHostPort(v); err != nil || port == "" {
			l.bad(KeyAddr, src, "%q must be an address to listen on, such as :8080 or 127.0.0.1:8080", v)
		} else {
			c.Addr = v
		}
	}
	if v, src := l.get(KeyPublicURL); v != "" {
		if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			l.bad(KeyPublicURL, src, "%q must be the reader's public address, such as https://lectern.example.org", v)
		} else {
			c.PublicURL = strings.TrimRight(v, "/")
		}
	}
	if c.DataDir, _ = l.get(KeyDataDir); c.DataDir == "" && c.IndexDir != "" {
		c.DataDir = filepath.Join(filepath.Dir(c.IndexDir), "lectern-data")
	}
	if v, src := l.get(KeyRecord); v != "" {
		on, err := strconv.ParseBool(strings.NewReplacer("on", "true", "off", "false", "yes", "true", "no", "false").Replace(strings.ToLower(v)))
		if err != nil {
			l.bad(KeyRecord, src, "%q must be on or off", v)
		} else {
			c.Record = on
		}
	}
	l.database(c)
	l.admin(c)
	if v, src := l.get(KeyWatch); v != "" {
		d, err := time.ParseDuration(v)
		switch {
		case strings.EqualFold(v, "off"):
			c.Watch = 0
		case err != nil || d < time.Second:
			l.bad(KeyWatch, src, "%q must be how often to check the corpus for changes, such as 30s (at least 1s), or off", v)
		default:
			c.Watch = d
		}
	}
}

// database reads where replicas share the record.
func (l *loader) database(c *Config) {
	v, src := l.get(KeyDatabase)
	c.DatabaseURL = Secret(v)
	if v == "" {
		return
	}
	// The message must not repeat the value: it may hold a password.
	if u, err := url.Parse(v); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		l.bad(KeyDatabase, src, "must be a PostgreSQL URL such as postgres://lectern:PASSWORD@db.example.org:5432/lectern")
	}
}

// admin reads the token that turns the owner's pages on.
func (l *loader) admin(c *Config) {
	v, src := l.get(KeyAdminToken)
	c.AdminToken = Secret(v)
	switch {
	case v == "":
	case len(v) < admin.MinTokenLength || strings.ContainsAny(v, " \t\n"):
		l.bad(KeyAdminToken, src, "must be at least %d characters without spaces (it has %d), so that it cannot be guessed; make one with: openssl rand -hex 24", admin.MinTokenLength, len(v))
	case !c.Record:
		l.bad(KeyAdminToken, src, "the admin pages read the record of questions, which %s=off turns off", KeyRecord)
	}
}

// RequireToken checks the settings that connecting to Discord needs.
func (c *Config) RequireToken() error {
	if c.Token == "" {
		return &Error{Problems: []Problem{{Key: KeyToken, Source: KeyToken, Message: "not set; put the bot token from the Discord developer portal in .env or the environment"}}}
	}
	return nil
}

// Summary describes the settings for people, the token redacted.
func (c *Config) Summary() string {
	or := func(v, none string) string {
		if v == "" {
			return none
		}
		return v
	}
	shards := "(one connection)"
	switch {
	case c.ShardCount == bot.ShardAuto:
		shards = "auto"
	case c.ShardCount > 0:
		shards = fmt.Sprintf("%d (this process runs shard %d)", c.ShardCount, c.ShardID)
	}
	publicKey := "(not set: no HTTP interactions)"
	if c.PublicKey != nil {
		publicKey = hex.EncodeToString(c.PublicKey)
	}
	record := "off"
	if c.Record {
		record = "on"
	}
	lines := []string{
		KeyToken + "=" + c.Token.String(),
		KeyGuild + "=" + or(c.GuildID, "(none: commands are registered globally)"),
		KeyAPIURL + "=" + c.APIURL,
		KeyPublicKey + "=" + publicKey,
		KeyShardCount + "=" + shards,
		KeyCorpus + "=" + or(c.Corpus, "(embedded interview)"),
		KeyIndexDir + "=" + or(c.IndexDir, "(in memory)"),
		KeyMaxFileMB + "=" + strconv.FormatInt(c.MaxFileSize>>20, 10),
		KeyResults + "=" + strconv.Itoa(c.Results),
		KeyCooldown + "=" + c.Cooldown.String(),
		KeyLogLevel + "=" + strings.ToLower(c.LogLevel.String()),
		KeyAddr + "=" + c.Addr,
		KeyPublicURL + "=" + or(c.PublicURL, "(none: citations are not linked)"),
		KeySourceURL + "=" + or(c.Links.Template, "(none: no documentation site)"),
		KeySlugs + "=" + string(c.Links.Slugs),
		KeyDataDir + "=" + or(c.DataDir, "(none)"),
		KeyRecord + "=" + record,
		KeyAdminToken + "=" + c.AdminToken.String(),
		KeyWatch + "=" + or(map[bool]string{true: c.Watch.String()}[c.Watch > 0], "off"),
		KeyDatabase + "=" + or(map[bool]string{true: "[redacted]"}[c.DatabaseURL != ""], "(none: the record is in SQLite in "+KeyDataDir+")"),
	}
	return strings.Join(lines, "\n")
}

// parseDuration accepts Go durations ("3s") and bare seconds ("3").
func parseDuration(v string) (time.Duration, error) {
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		return time.Duration(n * float64(time.Second)), nil
	}
	return time.ParseDuration(v)
}

func describeStatError(path string, err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Sprintf("%s does not exist", path)
	case errors.Is(err, os.ErrPermission):
		return fmt.Sprintf("%s cannot be read (permission denied)", path)
	}
	return fmt.Sprintf("%s: %v", path, err)
}

// OpenEnvFile opens the .env file to read: name when given (it must
// exist), else ".env" when present. It returns nil when there is none.
func OpenEnvFile(name string) (io.ReadCloser, string, error) {
	explicit := name != ""
	if !explicit {
		name = ".env"
	}
	f, err := os.Open(name)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return nil, name, nil
		}
		return nil, name, &Error{Problems: []Problem{{Source: "--env-file", Message: describeStatError(name, err)}}}
	}
	return f, name, nil
}
