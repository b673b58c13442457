// Package pgtest starts a throwaway PostgreSQL cluster for tests: initdb
// and pg_ctl in a temporary folder, trust authentication on a free local
// port, run as the postgres user when the tests run as root (PostgreSQL
// refuses to run as root). Without PostgreSQL the test skips with a
// message, or fails when testsupport.RequireToolsEnv is set.
package pgtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/lectern-bot/lectern/internal/testsupport"
)

// Cluster is a running throwaway cluster.
type Cluster struct {
	URL  string // postgres://… of its postgres database
	tb   testing.TB
	bin  string // folder of initdb and pg_ctl
	data string
	log  string
	port int
	as   *user.User // nil: run as the current user
}

// Start starts a cluster that is stopped and removed when the test ends.
func Start(tb testing.TB) *Cluster {
	tb.Helper()
	c := &Cluster{tb: tb, bin: binDir(tb)}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			skipOrFail(tb, "running as root, and there is no postgres user to run PostgreSQL as")
		}
		c.as = u
	}
	dir, err := os.MkdirTemp("", "lectern-pg-")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { os.RemoveAll(dir) })
	c.data, c.log = filepath.Join(dir, "data"), filepath.Join(dir, "log")
	c.chown(dir)
	c.run("initdb", "-D", c.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
	c.port = freePort(tb)
	c.URL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", c.port)
	c.Start()
	tb.Cleanup(func() { c.pgctl("stop", "-m", "immediate") })
	return c
}

// Start starts the cluster again after Stop.
func (c *Cluster) Start() {
	c.tb.Helper()
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -c port=%d -c unix_socket_directories='' -c fsync=off", c.port)
	c.run("pg_ctl", "-D", c.data, "-l", c.log, "-o", opts, "-w", "-t", "30", "start")
}

// Stop stops the cluster at once, as a crash or a restart would.
func (c *Cluster) Stop() {
	c.tb.Helper()
	c.run("pg_ctl", "-D", c.data, "-m", "immediate", "-w", "stop")
}

func (c *Cluster) pgctl(args ...string) {
	cmd := c.command("pg_ctl", append([]string{"-D", c.data}, args...)...)
	cmd.Run()
}

func (c *Cluster) run(name string, args ...string) {
	c.tb.Helper()
	if out, err := c.command(name, args...).CombinedOutput(); err != nil {
		logText, _ := os.ReadFile(c.log)
		c.tb.Fatalf("%s %s: %v\n%s\n%s", name, strings.Join(args, " "), err, out, logText)
	}
}

func (c *Cluster) command(name string, args ...string) *exec.Cmd {
	path := filepath.Join(c.bin, name)
	if c.as == nil {
		return exec.Command(path, args...)
	}
	return exec.Command("runuser", append([]string{"-u", c.as.Username, "--", path}, args...)...)
}

func (c *Cluster) chown(dir string) {
	if c.as == nil {
		return
	}
	uid, _ := strconv.Atoi(c.as.Uid)
	gid, _ := strconv.Atoi(c.as.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		c.tb.Fatal(err)
	}
}

// binDir finds initdb and pg_ctl: on the PATH, or in Debian's
// /usr/lib/postgresql/N/bin.
func binDir(tb testing.TB) string {
	tb.Helper()
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p)
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i]
		}
	}
	skipOrFail(tb, "no PostgreSQL found (Debian: apt-get install postgresql; .ci/run installs it)")
	return ""
}

func skipOrFail(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv(testsupport.RequireToolsEnv) != "" {
		tb.Fatalf("%s, and %s is set", msg, testsupport.RequireToolsEnv)
	}
	tb.Skip("skipped: " + msg)
}

func freePort(tb testing.TB) int {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
