// Command helminauha builds, checks and serves a Helminauha portal.
//
//	helminauha build [--content DIR] [--out DIR] [--clean-out] [--baseurl URL] [--drafts] [--minify=false] [--gzip] [--quiet]
//	helminauha serve [--content DIR] [--addr 127.0.0.1:1313]
//	helminauha check [--content DIR] [--format text|json]
//	helminauha new pearl|case|chapter SLUG [--theme SLUG] [--content DIR]
//	helminauha version
//
// Exit status: 0 success, 1 content errors, 2 usage errors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

var version = "0.1.0-dev"

const usage = `helminauha builds a Helminauha portal from Markdown.

Usage:
  helminauha build   [--content DIR] [--out DIR] [--clean-out] [--baseurl URL] [--drafts] [--minify=false] [--gzip] [--quiet]
  helminauha serve   [--content DIR] [--addr 127.0.0.1:1313]
  helminauha check   [--content DIR] [--format text|json]
  helminauha new     pearl|case|chapter SLUG [--theme SLUG] [--content DIR]
  helminauha version

Run "helminauha COMMAND -h" for the flags of a command.
`

func main() {
	// A build allocates much and keeps most of it (the parsed portal) to
	// the end, so collecting at twice the live heap instead of at the
	// default saved a sixth of the CPU time at 10,000 pearls for 4 % more
	// peak memory. GOGC in the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// errUsage marks a mistake in the command line (exit status 2).
var errUsage = errors.New("usage")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		err = cmdBuild(ctx, rest, stdout, stderr)
	case "serve":
		err = cmdServe(ctx, rest, stdout, stderr)
	case "check":
		err = cmdCheck(ctx, rest, stdout, stderr)
	case "new":
		err = cmdNew(rest, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "helminauha", version)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "helminauha: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errContent):
		return 1
	default:
		fmt.Fprintln(stderr, "helminauha:", err)
		return 1
	}
}

// errContent means the problems were printed already.
var errContent = errors.New("content errors")

// newFlags makes a flag set that prints its usage to stderr and returns
// errors instead of exiting.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: helminauha %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
