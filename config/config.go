// Package config reads Lectern's settings from flags, the environment and a
// .env file, in that order of precedence, and validates them.
package config

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/joho/godotenv"
)

// Names of the settings, as environment variables and .env keys.
const (
	KeyToken    = "DISCORD_TOKEN"
	KeyGuild    = "DISCORD_GUILD_ID"
	KeyAPIURL   = "DISCORD_API_URL"
	KeyCorpus   = "LECTERN_CORPUS"
	KeyIndexDir = "LECTERN_INDEX_DIR"
	KeyResults  = "LECTERN_RESULTS"
	KeyCooldown = "LECTERN_COOLDOWN"
	KeyLogLevel = "LECTERN_LOG_LEVEL"
)

// Keys lists every setting, in the order they are shown.
var Keys = []string{KeyToken, KeyGuild, KeyAPIURL, KeyCorpus, KeyIndexDir, KeyResults, KeyCooldown, KeyLogLevel}

// Defaults.
const (
	DefaultAPIURL   = "https://discord.com/api/v9"
	DefaultResults  = 3
	MaxResults      = 10
	DefaultCooldown = 3 * time.Second
)

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
	Token    Secret
	GuildID  string
	APIURL   string
	Corpus   string // a file or directory; "" for the embedded interview
	IndexDir string // where book indexes are cached; "" to keep them in memory
	Results  int
	Cooldown time.Duration
	LogLevel slog.Level
}

// Error lists every problem found in the settings, one line each.
type Error struct {
	Problems []string
}

func (e *Error) Error() string { return strings.Join(e.Problems, "\n") }

// Sources are where settings come from.
type Sources struct {
	Flags   map[string]string   // set flags, by setting key; win over the rest
	Getenv  func(string) string // the environment
	EnvFile io.Reader           // a .env file; nil when there is none
	EnvName string              // the .env file's name, for messages
}

// Load reads and validates the settings.
func Load(src Sources) (*Config, error) {
	dotenv := map[string]string{}
	if src.EnvFile != nil {
		m, err := godotenv.Parse(src.EnvFile)
		if err != nil {
			return nil, &Error{Problems: []string{fmt.Sprintf("%s: cannot parse: %v", src.EnvName, err)}}
		}
		dotenv = m
	}
	getenv := src.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	get := func(key string) string {
		if v, ok := src.Flags[key]; ok {
			return strings.TrimSpace(v)
		}
		if v := getenv(key); v != "" {
			return strings.TrimSpace(v)
		}
		return strings.TrimSpace(dotenv[key])
	}

	c := &Config{
		Token:    Secret(get(KeyToken)),
		GuildID:  get(KeyGuild),
		APIURL:   get(KeyAPIURL),
		Corpus:   get(KeyCorpus),
		IndexDir: get(KeyIndexDir),
		Results:  DefaultResults,
		Cooldown: DefaultCooldown,
	}
	var problems []string
	bad := func(key, format string, args ...any) {
		problems = append(problems, key+": "+fmt.Sprintf(format, args...))
	}
	if c.APIURL == "" {
		c.APIURL = DefaultAPIURL
	} else if u, err := url.Parse(c.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad(KeyAPIURL, "%q is not an http(s) URL such as %s", c.APIURL, DefaultAPIURL)
	} else {
		c.APIURL = strings.TrimRight(c.APIURL, "/")
	}
	if c.GuildID != "" && !isSnowflake(c.GuildID) {
		bad(KeyGuild, "%q is not a Discord ID (a number such as 123456789012345678)", c.GuildID)
	}
	if v := get(KeyResults); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxResults {
			bad(KeyResults, "%q must be a whole number from 1 to %d", v, MaxResults)
		} else {
			c.Results = n
		}
	}
	if v := get(KeyCooldown); v != "" {
		d, err := parseDuration(v)
		if err != nil || d < 0 || d > time.Hour {
			bad(KeyCooldown, "%q must be a duration such as 3s or 500ms (0 to turn it off, at most 1h)", v)
		} else {
			c.Cooldown = d
		}
	}
	if v := get(KeyLogLevel); v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			bad(KeyLogLevel, "%q must be debug, info, warn or error", v)
		}
	}
	if c.Corpus != "" {
		if _, err := os.Stat(c.Corpus); err != nil {
			bad(KeyCorpus, "%s", describeStatError(c.Corpus, err))
		}
	}
	if c.IndexDir == "" {
		c.IndexDir = defaultIndexDir(getenv)
	}
	if strings.ContainsAny(c.Token.Reveal(), " \t\n") {
		bad(KeyToken, "contains white space; paste the token alone")
	}
	if len(problems) > 0 {
		return nil, &Error{Problems: problems}
	}
	return c, nil
}

// RequireToken checks the settings that connecting to Discord needs.
func (c *Config) RequireToken() error {
	if c.Token == "" {
		return &Error{Problems: []string{KeyToken + ": not set; put the bot token from the Discord developer portal in .env or the environment"}}
	}
	return nil
}

// Summary describes the settings for people, the token redacted.
func (c *Config) Summary() string {
	corpus := c.Corpus
	if corpus == "" {
		corpus = "(embedded interview)"
	}
	guild := c.GuildID
	if guild == "" {
		guild = "(none: commands are registered globally)"
	}
	index := c.IndexDir
	if index == "" {
		index = "(in memory)"
	}
	lines := []string{
		KeyToken + "=" + c.Token.String(),
		KeyGuild + "=" + guild,
		KeyAPIURL + "=" + c.APIURL,
		KeyCorpus + "=" + corpus,
		KeyIndexDir + "=" + index,
		KeyResults + "=" + strconv.Itoa(c.Results),
		KeyCooldown + "=" + c.Cooldown.String(),
		KeyLogLevel + "=" + strings.ToLower(c.LogLevel.String()),
	}
	return strings.Join(lines, "\n")
}

func isSnowflake(s string) bool {
	if len(s) < 5 || len(s) > 20 {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
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

// defaultIndexDir is the user cache directory's lectern folder, or "" when
// there is none.
func defaultIndexDir(getenv func(string) string) string {
	if d := getenv("XDG_CACHE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "lectern")
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".cache", "lectern")
	}
	return ""
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
		return nil, name, &Error{Problems: []string{"--env-file: " + describeStatError(name, err)}}
	}
	return f, name, nil
}
