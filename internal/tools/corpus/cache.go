package corpus

import (
	"fmt"
	"os"
	"path/filepath"
)

// stampFile marks a finished corpus folder; it is written last.
const stampFile = "corpus.stamp"

// Ensure returns the folder of a generated corpus for opts under cacheDir,
// generating it first unless a finished one is already there. The folder
// name holds Version, N and the seed, so a new generator version or other
// options never reuse an old corpus. A half-written corpus (an interrupted
// run) is never returned: generation goes to a temporary folder that is
// renamed into place when complete.
//
// The returned folder holds content/ (our format) and hugo/ (the Hugo site).
func Ensure(cacheDir string, opts Options) (dir string, generated bool, err error) {
	shape := ""
	if opts.varied() {
		shape = Varied + "-"
	}
	if opts.Swedish > 0 {
		shape += fmt.Sprintf("sv%d-", opts.Swedish)
	}
	name := fmt.Sprintf("corpus-v%d-%sn%d-s%x", Version, shape, opts.N, opts.seed())
	dir = filepath.Join(cacheDir, name)
	if _, err := os.Stat(filepath.Join(dir, stampFile)); err == nil {
		return dir, false, nil
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return "", false, fmt.Errorf("creating cache folder: %w", err)
	}
	tmp, err := os.MkdirTemp(cacheDir, name+".tmp-")
	if err != nil {
		return "", false, fmt.Errorf("creating cache folder: %w", err)
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	if _, err := Write(tmp, opts); err != nil {
		return "", false, err
	}
	stamp := fmt.Sprintf("corpus version %d, %s%d pearls, seed %#x\n", Version, shape, opts.N, opts.seed())
	if err := os.WriteFile(filepath.Join(tmp, stampFile), []byte(stamp), 0o644); err != nil {
		return "", false, fmt.Errorf("writing %s: %w", stampFile, err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", false, fmt.Errorf("removing stale corpus %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return "", false, fmt.Errorf("moving corpus into place: %w", err)
	}
	return dir, true, nil
}
