package retrieval

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/lectern-bot/lectern/corpus"
)

// Options configure Open.
type Options struct {
	// CacheDir is where indexes of books are kept between runs; "" indexes
	// in memory every time.
	CacheDir    string
	MaxFileSize int64             // largest file read, in bytes; 0 for corpus.DefaultMaxFileSize
	PDF         *corpus.PDFEngine // reads PDFs; nil starts one (NewPDFEngine) when a PDF is read
	Progress    Progress          // told how a build is going; may be nil
	Logger      *slog.Logger      // told what the cache did; nil logs nothing
	Links       SourceLinks       // where a documentation site publishes the text
	// Reuse is an earlier build of the corpus (the index in use): its
	// documents whose files are unchanged (the same name and bytes) are
	// taken as they are, with its analysis of their sentences, so that
	// indexing a folder again after one file changed parses and analyses
	// that file alone. Nil reads every file.
	Reuse *Index
}

// pdfiumDir is where, below a cache directory, PDFium's compiled engine
// is kept, so that only the first PDF read waits for it to compile.
const pdfiumDir = "pdfium"

// NewPDFEngine is the engine that reads PDFs for a cache directory: its
// compiled code kept there ("" keeps it nowhere).
func NewPDFEngine(cacheDir string) *corpus.PDFEngine {
	if cacheDir == "" {
		return corpus.NewPDFEngine("")
	}
	return corpus.NewPDFEngine(filepath.Join(cacheDir, pdfiumDir))
}

// parseSources parses a corpus's files, PDFs with opts.PDF or an engine
// of its own, and warns of each file of a folder left out.
func parseSources(src []corpus.Source, opts Options, log *slog.Logger, earlier *prior) (*corpus.Corpus, error) {
	pdf := opts.PDF
	if pdf == nil {
		pdf = NewPDFEngine(opts.CacheDir)
		defer pdf.Close()
	}
	c, err := corpus.ParseSourcesReusing(src, pdf, earlier.document())
	if err != nil {
		return nil, err
	}
	for _, f := range c.Skipped {
		log.Warn("left a file out of the corpus", "file", f.Path, "why", f.Err)
	}
	return c, nil
}

// OpenInfo says what Open did.
type OpenInfo struct {
	Built bool          // the index was built now, not read from the cache
	Path  string        // the corpus's cache directory; "" in memory
	Took  time.Duration // from reading the text to a usable index
}

// Open reads the corpus at path (the embedded interview when path is "")
// and returns its index: from the cache when the text is unchanged, else
// built (and cached). A cache that cannot be written falls back to memory.
func Open(ctx context.Context, path string, opts Options) (*Index, OpenInfo, error) {
	ix, info, err := open(ctx, path, opts)
	if err == nil {
		ix.SetSourceLinks(opts.Links)
	}
	return ix, info, err
}

func open(ctx context.Context, path string, opts Options) (*Index, OpenInfo, error) {
	start := time.Now()
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if path == "" {
		c, err := corpus.Default()
		if err != nil {
			return nil, OpenInfo{}, err
		}
		ix, err := NewMemory(ctx, c)
		return ix, OpenInfo{Built: true, Took: time.Since(start)}, err
	}
	load := corpus.LoadOptions{MaxFileSize: opts.MaxFileSize}
	earlier := priorOf(opts.Reuse)
	if opts.CacheDir == "" {
		ix, err := memoryIndex(ctx, path, opts, log, earlier)
		return ix, OpenInfo{Built: true, Took: time.Since(start)}, err
	}
	// The files are hashed to find their index (those the last build
	// read with the same size and times are not read again),
	// and read again one at a time when it must be built: a library is
	// never held in memory.
	cache := &diskCache{dir: opts.CacheDir, log: log}
	slot := cache.slot(path)
	if m, err := readManifest(slot); err == nil {
		load.Unchanged = m.unchanged
	}
	listed, err := corpus.ListSources(ctx, path, load)
	if err != nil {
		return nil, OpenInfo{}, err
	}
	cache.sweep()
	key := sourcesKey(listed)
	ix, err := cache.open(slot, key)
	switch {
	case err == nil:
		return ix, OpenInfo{Path: slot, Took: time.Since(start)}, nil
	case errors.Is(err, errNotCached):
	case errors.Is(err, errStale):
		log.Info("the text has changed; rebuilding its index", "path", slot)
		if earlier == nil {
			earlier = cache.earlier(slot) // read only the files that changed
		}
	default:
		log.Warn("index cache is damaged; rebuilding", "path", slot, "err", err)
	}
	ix, err = buildCached(ctx, cache, path, slot, listed, opts, log, earlier)
	earlier.release() // when read from the cache for this build, which holds nothing of it now
	if err != nil {
		return nil, OpenInfo{}, err
	}
	info := OpenInfo{Built: true, Path: ix.path, Took: time.Since(start)}
	return ix, info, nil
}

// buildCached builds the index of the corpus listed in src into the
// cache's slot, reading each file as it goes, then opens it from there;
// when the cache cannot be written, it indexes in memory.
func buildCached(ctx context.Context, cache *diskCache, path, slot string, src []corpus.Source, opts Options, log *slog.Logger, earlier *prior) (*Index, error) {
	abs, _ := filepath.Abs(path)
	err := cache.build(ctx, slot, abs, src, opts, earlier, true)
	if errors.Is(err, errUpdateFailed) {
		log.Warn("index cache: updating the earlier index failed; building it anew", "err", err)
		err = cache.build(ctx, slot, abs, src, opts, earlier, false)
	}
	var fileErr *corpus.FileError
	switch {
	case err == nil:
		// Served as a cached open serves it, from the data file read in
		// place. What the build held goes back to the system first.
		debug.FreeOSMemory()
		ix, err := cache.load(slot)
		if err != nil {
			return nil, fmt.Errorf("index cache: reading what was built: %w", err)
		}
		return ix, nil
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case errors.As(err, &fileErr):
		return nil, err // the text, not the cache
	}
	log.Warn("index cache unavailable; indexing in memory", "dir", opts.CacheDir, "err", err)
	return memoryIndex(ctx, path, opts, log, earlier)
}

// memoryIndex reads and parses the corpus at path and indexes it in
// memory. It takes earlier's documents only when they are in memory too:
// a cached build's live in its cache file, which goes when its index is
// closed.
func memoryIndex(ctx context.Context, path string, opts Options, log *slog.Logger, earlier *prior) (*Index, error) {
	src, err := corpus.ReadSources(ctx, path, corpus.LoadOptions{MaxFileSize: opts.MaxFileSize})
	if err != nil {
		return nil, err
	}
	if earlier != nil && earlier.slot != "" {
		earlier = nil
	}
	c, err := parseSources(src, opts, log, earlier)
	if err != nil {
		return nil, err
	}
	return NewMemory(ctx, c)
}

// cacheVersion changes whenever what is cached changes shape, and
// analysisVersion whenever the analysis of sentences cached with the
// index changes (TestAnalysisFingerprint fails until it does).
const (
	cacheVersion    = 18
	analysisVersion = 22
)

// sourcesKey identifies the content of a corpus and the code that indexes
// it: the names and hashes of its files, the parser, mapping, cache and
// analysis versions and the data file's format (dataMagic), so that a
// build by a version that stores its data otherwise is never taken for
// this one's.
func sourcesKey(src []corpus.Source) string {
	files := make([][2]string, len(src))
	for i, s := range src {
		files[i] = [2]string{s.Name, s.Hash()}
	}
	return filesKey(files)
}

// filesKey is sourcesKey of files given by name and hash.
func filesKey(files [][2]string) string {
	h := sha256.New()
	fmt.Fprintf(h, "lectern parser=%d mapping=%d cache=%d analysis=%d data=%q\n", corpus.ParserVersion, MappingVersion, cacheVersion, analysisVersion, dataMagic)
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%s\n", f[0], f[1])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// earlier returns the corpus cached in a stale slot, for a new build to
// take its unchanged documents and their analysis from, or nil when the slot
// is damaged or was built by another version of Lectern, whose parse
// must not be reused.
func (dc *diskCache) earlier(slot string) *prior {
	m, err := readManifest(slot)
	if err != nil || verify(slot, m) != nil {
		return nil
	}
	data, err := readData(filepath.Join(slot, dataName))
	if err != nil {
		return nil
	}
	if corpusKey(data.Corpus) != m.Key {
		data.file.release()
		return nil // another version's parse, or files it left out
	}
	p := newPrior(data.Corpus, data.table(), data.Terms, data.Surface)
	p.slot, p.trusted, p.file = slot, true, data.file
	return p
}

// corpusKey is the key of a corpus's files as its documents record them.
func corpusKey(c *corpus.Corpus) string {
	files := make([][2]string, len(c.Documents))
	for i, d := range c.Documents {
		files[i] = [2]string{d.Name, d.Hash}
	}
	return filesKey(files)
}

var (
	errNotCached = errors.New("not cached")
	errStale     = errors.New("cached for another version of the text")
)

// diskCache keeps one directory ("slot") per corpus, named after the
// corpus's absolute path. A slot holds the Bleve index, the parsed corpus
// with its analysed sentences (data.bin) and a manifest written last with
// the text's key and a checksum of every file.
type diskCache struct {
	dir string
	log *slog.Logger // nil logs nothing
}

func (dc *diskCache) logger() *slog.Logger {
	if dc.log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return dc.log
}

// manifest describes a finished build.
type manifest struct {
	Key    string              `json:"key"`
	Source string              `json:"source"`
	Built  time.Time           `json:"built"`
	Files  map[string]fileMark `json:"files"`
	// Sources are the text's files as the build read them, by name, for
	// the next open to know unchanged files without reading them.
	Sources map[string]sourceMark `json:"sources,omitempty"`
}

// fileTimes are a file's size and times as a manifest records them.
type fileTimes struct {
	Size     int64     `json:"size"`
	Modified time.Time `json:"modified,omitzero"`
	Changed  time.Time `json:"changed,omitzero"` // ctime; zero where the system keeps none
}

func timesOf(st corpus.Stamp) fileTimes {
	return fileTimes{Size: st.Size, Modified: st.Modified, Changed: st.Changed}
}

// same reports whether st has the recorded size and times.
func (f fileTimes) same(st corpus.Stamp) bool {
	return f.Size == st.Size && f.Modified.Equal(st.Modified) && f.Changed.Equal(st.Changed)
}

// sourceMark is a text file's size, times and hash.
type sourceMark struct {
	fileTimes
	Hash string `json:"sha256"`
}

// racyWindow is how long before it was read a file must have last
// changed for its size and times to stand for its bytes: a file written
// twice within its file system's time resolution (two seconds on FAT),
// once before it was read and once after, keeps its times. Git's index
// trusts file times the same way.
const racyWindow = 2 * time.Second

// sourceMarks are the marks of the sources whose times can be trusted.
func sourceMarks(src []corpus.Source) map[string]sourceMark {
	out := map[string]sourceMark{}
	for _, s := range src {
		st := s.Stamp()
		last := st.Modified
		if st.Changed.After(last) {
			last = st.Changed
		}
		if !last.IsZero() && last.Before(st.Checked.Add(-racyWindow)) {
			out[s.Name] = sourceMark{timesOf(st), s.Hash()}
		}
	}
	return out
}

// unchanged gives the hash the build read for a file of the same name,
// size and times (corpus.LoadOptions.Unchanged).
func (m manifest) unchanged(name string, st corpus.Stamp) (string, bool) {
	mark, ok := m.Sources[name]
	return mark.Hash, ok && mark.same(st)
}

// fileMark is a cache file's size and checksum, with its times when the
// manifest was written.
type fileMark struct {
	fileTimes
	CRC uint32 `json:"crc32c"`
}

// stamped reports whether st is the stamp the file had when it was
// marked. Without a change time, which no tool sets back, it never is.
func (m fileMark) stamped(st corpus.Stamp) bool {
	return !m.Changed.IsZero() && m.same(st)
}

const (
	manifestName = "manifest.json"
	dataName     = "data.bin"
	indexName    = "index"
	// staleAfter is how old an unfinished or replaced build must be before
	// it is removed: a build still running elsewhere is younger.
	staleAfter = time.Hour
	// boltTimeout bounds the wait for another process's lock on an index.
	boltTimeout = "10s"
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

func (dc *diskCache) slot(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dc.dir, hex.EncodeToString(sum[:8]))
}

// open opens the slot's index when it was built for key and is intact.
func (dc *diskCache) open(slot, key string) (*Index, error) {
	m, err := readManifest(slot)
	if err != nil {
		return nil, err
	}
	if m.Key != key {
		return nil, errStale
	}
	if err := verify(slot, m); err != nil {
		return nil, err
	}
	return dc.load(slot)
}

// load opens the slot's index, known to be intact: checked by open, or
// just put in place by install (which checks another process's build
// before keeping it).
func (dc *diskCache) load(slot string) (*Index, error) {
	data, err := readData(filepath.Join(slot, dataName))
	if err != nil {
		return nil, err
	}
	b, err := bleve.OpenUsing(filepath.Join(slot, indexName), map[string]any{"read_only": true, "bolt_timeout": boltTimeout})
	if err != nil {
		data.file.release()
		return nil, fmt.Errorf("index cache: open: %w", err)
	}
	ix, err := newIndex(data.Corpus, b, slot, data, nil)
	if err != nil {
		b.Close()
		data.file.release()
		return nil, err
	}
	ix.file = data.file
	ix.file.evict() // opening read every page; questions read few
	ix.prefetchTables()
	return ix, nil
}

func readManifest(slot string) (manifest, error) {
	var m manifest
	raw, err := os.ReadFile(filepath.Join(slot, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return m, errNotCached
	}
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return m, fmt.Errorf("manifest: %w", err)
	}
	return m, nil
}

// verify checks every file of a slot against its manifest: a file that is
// missing, truncated or altered (a damaged disk, a stray write) makes the
// cache unusable rather than silently wrong. A file whose size and times,
// change time included, are those it had when the manifest was written
// is taken as written, as the text's own files are (see sourceMarks);
// any other is read through and checked by its checksum. Reading a 2 GB
// data file back from disk took 3 s of an open that otherwise takes 1.
func verify(slot string, m manifest) error {
	if len(m.Files) == 0 {
		return errors.New("manifest lists no files")
	}
	for rel, want := range m.Files {
		path := filepath.Join(slot, rel)
		if info, err := os.Stat(path); err == nil && want.stamped(corpus.StampOf(path, info)) {
			continue
		}
		got, err := markFile(path)
		if err != nil {
			return err
		}
		if got.Size != want.Size || got.CRC != want.CRC {
			return fmt.Errorf("%s: checksum or size differs from the build's", rel)
		}
	}
	return nil
}

// markFile reads the file at path through for its size, checksum and
// the stamp it has once read.
func markFile(path string) (fileMark, error) {
	f, err := os.Open(path)
	if err != nil {
		return fileMark{}, err
	}
	defer f.Close()
	h := crc32.New(crcTable)
	n, err := io.Copy(h, f)
	if err != nil {
		return fileMark{}, err
	}
	mark := fileMark{fileTimes{Size: n}, h.Sum32()}
	if info, err := f.Stat(); err == nil && info.Size() == n {
		mark.fileTimes = timesOf(corpus.StampOf(path, info))
	}
	return mark, nil
}

// build writes the corpus of src into a new directory beside the slot
// (see write), parsing only what earlier does not have and updating its
// search index where it can, and puts it in the slot's place only when it
// is complete, so that a killed build never leaves a half-written index
// where a reader looks. It is keyed by the files as they were read.
func (dc *diskCache) build(ctx context.Context, slot, source string, src []corpus.Source, opts Options, earlier *prior, update bool) error {
	if err := os.MkdirAll(dc.dir, 0o755); err != nil {
		return fmt.Errorf("index cache: %w", err)
	}
	tmp, err := os.MkdirTemp(dc.dir, ".build-")
	if err != nil {
		return fmt.Errorf("index cache: %w", err)
	}
	defer os.RemoveAll(tmp) // a no-op once the build is in place
	start := time.Now()
	stats, err := dc.write(ctx, tmp, src, opts, earlier, update)
	if err != nil {
		return err
	}
	key := sourcesKey(src)
	if err := writeManifest(tmp, manifest{Key: key, Source: source, Sources: sourceMarks(src)}); err != nil {
		return err
	}
	dc.logger().Info("index built", "files", stats.documents, "parsed", stats.parsed, "passages indexed", stats.passages, "took", time.Since(start).Round(time.Millisecond))
	return dc.install(tmp, slot, key)
}

// install moves a finished build into the slot, setting aside what was
// there. When another process installed an intact build of the same text
// meanwhile, that one is kept.
func (dc *diskCache) install(tmp, slot, key string) error {
	for attempt := 0; attempt < 3; attempt++ {
		if _, err := os.Stat(slot); err == nil {
			if m, err := readManifest(slot); err == nil && m.Key == key && verify(slot, m) == nil && ownFormat(slot) {
				return nil
			}
			old, err := os.MkdirTemp(dc.dir, ".old-")
			if err != nil {
				return fmt.Errorf("index cache: %w", err)
			}
			// Processes still reading the old build keep their open files.
			defer os.RemoveAll(old)
			if err := os.Rename(slot, filepath.Join(old, "slot")); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("index cache: %w", err)
			}
		}
		if err := os.Rename(tmp, slot); err == nil {
			return nil
		}
	}
	return fmt.Errorf("index cache: could not put the new index in place at %s", slot)
}

// ownFormat reports whether the slot's data file is in this version's
// format: a build intact by its checksums, written by a version that
// stored its data otherwise, is still not one to keep.
func ownFormat(slot string) bool {
	f, err := os.Open(filepath.Join(slot, dataName))
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(dataMagic))
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == dataMagic
}

// writeManifest writes m into dir, last of a build, with when it was
// built and a checksum of every file in dir.
func writeManifest(dir string, m manifest) error {
	m.Built, m.Files = time.Now().UTC(), map[string]fileMark{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		mark, err := markFile(p)
		m.Files[filepath.ToSlash(rel)] = mark
		return err
	})
	if err != nil {
		return fmt.Errorf("index cache: %w", err)
	}
	raw, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeFileSync(filepath.Join(dir, manifestName), func(w io.Writer) error {
		_, err := w.Write(raw)
		return err
	})
}

// writeFileSync writes a file with write, buffered, and flushes it to
// disk. An error from write is returned as it is.
func writeFileSync(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("index cache: %w", err)
	}
	buf := bufio.NewWriterSize(f, 1<<16)
	if err := write(buf); err != nil {
		f.Close()
		return err
	}
	err = buf.Flush()
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		f.Close()
		return fmt.Errorf("index cache: %w", err)
	}
	return f.Close()
}

// slotName matches the directories the cache makes: slots (16 hex digits),
// slots of older versions of Lectern (24), builds and set-aside builds.
var slotName = regexp.MustCompile(`^([0-9a-f]{16}|[0-9a-f]{24}|\.build-\d+|\.old-\d+)$`)

// sweep removes what no text uses: builds left by killed processes, set
// aside builds, slots of corpora that no longer exist, and slots of older
// versions. It leaves anything it did not make alone.
func (dc *diskCache) sweep() {
	entries, err := os.ReadDir(dc.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !slotName.MatchString(name) {
			continue
		}
		path := filepath.Join(dc.dir, name)
		info, err := e.Info()
		if err != nil {
			continue
		}
		old := time.Since(info.ModTime()) > staleAfter
		reason := ""
		switch {
		case strings.HasPrefix(name, "."):
			if old {
				reason = "unfinished or replaced build"
			}
		case len(name) == 24:
			reason = "index of an older version"
		default:
			m, err := readManifest(path)
			if err != nil {
				if old {
					reason = "slot without a manifest"
				}
				break
			}
			if _, err := os.Stat(m.Source); errors.Is(err, fs.ErrNotExist) {
				reason = "its text " + m.Source + " is gone"
			}
		}
		if reason == "" {
			continue
		}
		if err := os.RemoveAll(path); err != nil {
			dc.logger().Warn("could not remove an unused index", "path", path, "err", err)
			continue
		}
		dc.logger().Info("removed an unused index", "path", path, "why", reason)
	}
}

// cachedData is what data.bin holds beside the Bleve index: the parsed
// corpus and its analysed sentences, so that a cached open neither parses
// nor analyses the text again.
type cachedData struct {
	Corpus   *corpus.Corpus
	Terms    []string
	Surface  []string
	DF       []uint32 // each term's document frequency (documentFrequencies)
	DocStart []uint32
	Start    []uint32
	Tokens   []tableToken
	Words    []uint16
	Flags    []uint16
	SecStart []uint32
	Titles   [][]uint32
	// PostStart and PostSent are the postings (see postings), kept so
	// that opening neither builds them nor holds them in the heap.
	PostStart []uint32
	PostSent  []uint32

	file *mappedFile // what it was read from, in place; nil when decoded from memory
}

func (d *cachedData) table() *sentenceTable {
	return &sentenceTable{docStart: d.DocStart, start: d.Start, toks: d.Tokens,
		words: d.Words, flags: d.Flags, secStart: d.SecStart, titles: d.Titles}
}

func readData(path string) (*cachedData, error) {
	file, err := mapFile(path)
	if err != nil {
		return nil, err
	}
	d, err := decodeData(file.bytes())
	if err == nil && (len(d.Start) != len(d.Words)+1 || len(d.Terms) != len(d.Surface) || len(d.DF) != len(d.Terms) ||
		len(d.PostStart) != len(d.Terms)+1 || int(d.PostStart[len(d.Terms)]) != len(d.PostSent)) {
		err = fmt.Errorf("%w: tables of different lengths", errDataCorrupt)
	}
	if err != nil {
		file.release()
		return nil, fmt.Errorf("%s: %w", dataName, err)
	}
	d.file = file
	return d, nil
}
