package output

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
)

// RecordName is the file inside the output folder that lists the files
// the generator wrote there. A build replaces or removes those and no
// others; it is written last, so that it never lists less than is there.
const RecordName = ".helminauha-files"

// maxRecord is far above the record of any portal (a 10,000-pearl
// portal's is under 1 MB).
const maxRecord = 64 << 20

const recordHeader = "# helminauha: the files it wrote here; a build replaces or removes only these\n"

// DefaultKeep are the names a build leaves alone in the output folder
// besides those site.yaml's keep lists: a Git checkout of the published
// site (GitHub Pages from a branch) and its settings.
var DefaultKeep = []string{".git", "CNAME", ".nojekyll"}

// readRecord reads the record of the folder dir: the slash paths of the
// files a build wrote there. ok is false when there is none, or it is not
// one (then no file in dir counts as written by the generator).
func readRecord(dir string) (files map[string]bool, ok bool) {
	name := filepath.Join(dir, RecordName)
	// Only a regular file of a sane size is read: a FIFO put there would
	// hang the build, a link lead out of the folder.
	if info, err := os.Lstat(name); err != nil || !info.Mode().IsRegular() || info.Size() > maxRecord {
		return nil, false
	}
	data, err := os.ReadFile(name)
	if err != nil || !bytes.HasPrefix(data, []byte(recordHeader)) {
		return nil, false
	}
	files = map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data[len(recordHeader):]))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		p, err := strconv.Unquote(sc.Text())
		if err != nil || !localSlash(p) {
			return nil, false
		}
		files[p] = true
	}
	if sc.Err() != nil {
		return nil, false
	}
	return files, true
}

// writeRecord writes the record listing files into dir, by way of a file
// in tmp renamed over the old record, so that it is never half written.
func writeRecord(dir, tmp string, files []string) error {
	sortPaths(files)
	size := len(recordHeader)
	for _, p := range files {
		size += len(p) + len(`""`+"\n")
	}
	b := make([]byte, 0, size)
	b = append(b, recordHeader...)
	for _, p := range files {
		b = appendQuoted(b, p)
		b = append(b, '\n')
	}
	staged := filepath.Join(tmp, RecordName)
	if err := os.WriteFile(staged, b, 0o644); err != nil {
		return err
	}
	return os.Rename(staged, filepath.Join(dir, RecordName))
}

// appendQuoted appends strconv.Quote(p) to b. A path of printable ASCII
// without '"' or '\\', as nearly every path is, is quoted as it is:
// strconv's rune by rune quoting was half of writing the record of a
// 100,000-pearl build.
func appendQuoted(b []byte, p string) []byte {
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return strconv.AppendQuote(b, p)
		}
	}
	b = append(b, '"')
	b = append(b, p...)
	return append(b, '"')
}

// localSlash reports whether p is a slash path that stays inside the
// folder it is relative to.
func localSlash(p string) bool {
	return p != "" && filepath.IsLocal(filepath.FromSlash(p))
}
