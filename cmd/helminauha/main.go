// Command helminauha builds, checks and serves a Helminauha portal.
//
//	helminauha build [--content DIR] [--out DIR] [--clean-out] [--baseurl URL] [--drafts] [--minify=false] [--gzip] [--quiet]
//	                 [--format text|github] [--timings] [--cpuprofile FILE] [--memprofile FILE]
//	helminauha serve [--content DIR] [--addr 127.0.0.1:1313] [--allow-host NAME]
//	helminauha check [--content DIR] [--format text|json|github] [--all]
//	helminauha new pearl|case|chapter SLUG [--theme SLUG] [--content DIR]
//	helminauha new translation LANG FOLDER/SLUG [--content DIR]
//	helminauha version
//
// and every command takes --lang fi|sv|en (see synopses).
//
// Exit status: 0 success, 1 content errors, 2 usage errors, 130 stopped
// by Ctrl-C (SIGINT) and 143 by SIGTERM, as a shell reports a command a
// signal ended. A stopped build leaves the output folder as it was and
// prints one line saying so; a second signal ends the program at once,
// but for the renames of files being put in place, which end first.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/helminauha/helminauha/internal/build"
	"github.com/helminauha/helminauha/internal/diag"
)

var version = "0.1.0-dev"

// buildHeapFloor is build.Options.HeapFloor for the build command, set
// with GOGC 200 (unset when GOGC is in the environment). A build of
// 10,000 pearls keeps 10-110 MB live, so three times that made 25-31
// collections, most of them while loading; letting the heap grow to 512
// MiB first makes 4-6, for a tenth less CPU and a peak of 620-640 MiB
// instead of 340-510. A larger portal's floor grows with its content as
// it loads (see build.Options.HeapFloor). Check has none: at 100,000
// pearls a floor took it from 25 collections to 14 but not its CPU time
// (four pairs, -5 to +4 s of 48-61), as check keeps the bodies in memory
// and meets the soft limit anyway; and at 10,000 it cost 60-140 MiB more.
var buildHeapFloor uint64

func main() {
	// A build allocates much and keeps most of it (the parsed portal) to
	// the end, so collecting at twice the live heap instead of at the
	// default saved a sixth of the CPU time at 10,000 pearls for 4 % more
	// peak memory. GOGC in the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
		buildHeapFloor = 512 << 20
	}
	// The portal is kept to the end of a build, about 20 KB a pearl, and
	// GOGC 200 lets the heap grow to three times that: 6 GB at 100,000
	// pearls. A soft limit makes the collector work harder instead once
	// the heap nears 3 GiB, which a portal under 100,000 pearls never
	// reaches. GOMEMLIMIT in the environment still wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(3 << 30)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	// Room for both signals: one that finds the channel full is lost,
	// and a second that comes at once would not end the program.
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		cancel(signalled{s})
		s = <-sigs
		// Files being put in place, or back after the first signal, are
		// a moment's renames: cut short, they would leave the output
		// folder a mix of two builds.
		build.Settle()
		os.Exit(signalCode(s))
	}()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// signalled is why the commands' context was cancelled.
type signalled struct{ sig os.Signal }

func (s signalled) Error() string { return s.sig.String() }

// signalCode is the exit status of a command a signal stopped: 128 and
// the signal's number, as shells report it.
func signalCode(sig os.Signal) int {
	if n, ok := sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 130
}

// interrupted means a signal stopped the command before it finished;
// out is the output folder a build left as it was, unless mixed says why
// it could not (build.ErrOutputMixed).
type interrupted struct {
	out   string
	mixed error
}

func (e *interrupted) Error() string { return e.In(diag.English) }

// In is the one line a stopped command prints.
func (e *interrupted) In(l diag.Lang) string {
	if e.mixed != nil {
		return "helminauha: " + diag.TextOf(e.mixed, l)
	}
	if e.out == "" {
		return diag.CmdInterrupted.In(l)
	}
	return diag.CmdBuildInterrupted.In(l, e.out)
}

// errUsage marks a mistake in the command line (exit status 2).
var errUsage = errors.New("usage")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	lang := diag.ChooseLang(argLang(args), "")
	args = langAfterCommand(args)
	if len(args) == 0 {
		fmt.Fprint(stderr, usage(lang))
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
		fmt.Fprint(stdout, usage(lang))
	default:
		unknown := diag.CmdUnknownCommand.In(lang, cmd)
		if meant := meantCommand(cmd); meant != "" {
			unknown = diag.CmdUnknownCommandMeant.In(lang, cmd, meant)
		}
		fmt.Fprintf(stderr, "%s\n\n%s", unknown, usage(lang))
		return 2
	}
	var stopped *interrupted
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &stopped):
		fmt.Fprintln(stderr, stopped.In(lang))
		var s signalled
		if errors.As(context.Cause(ctx), &s) {
			return signalCode(s.sig)
		}
		return signalCode(os.Interrupt)
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errContent):
		return 1
	default:
		failed(stderr, err, lang)
		return 1
	}
}

// failed prints err, a failure that is not in the content, in l, and
// returns errContent: the command has said what went wrong.
func failed(stderr io.Writer, err error, l diag.Lang) error {
	fmt.Fprintln(stderr, "helminauha:", diag.TextOf(err, l))
	return errContent
}

// errContent means the problems were printed already.
var errContent = errors.New("content errors")

// flags is a command's flag set. Every command takes --lang, and its
// help and its complaints about the flags are in the messages' language.
type flags struct {
	*flag.FlagSet
	lang   *string
	stderr io.Writer
	hidden map[string]bool // flags -h does not show
}

// newFlags makes a flag set that prints its usage (synopses[name], then
// the flags) to stderr and returns errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := &flags{FlagSet: fs, stderr: stderr}
	f.lang = fs.String("lang", "", diag.FlagLang.ID())
	fs.Usage = func() {
		l := f.Lang("")
		fmt.Fprint(stderr, diag.CmdFlagsHead.In(l, name, diag.Whole(synopsis(name, l))))
		f.printDefaults(l)
	}
	return f
}

// Lang is the language of the messages: --lang, then HELMINAUHA_LANG,
// then site, the portal's own language ("" when not known yet).
func (f *flags) Lang(site string) diag.Lang { return diag.ChooseLang(*f.lang, site) }

// placeholders are the words of a synopsis the editor replaces.
func placeholders(l diag.Lang) *strings.Replacer {
	switch l {
	case diag.English:
		return strings.NewReplacer()
	case diag.Swedish:
		return strings.NewReplacer("DIR", "MAPP", "URL", "ADRESS", "SLUG", "KORTNAMN", "FILE", "FIL", "HOST:PORT", "VÄRD:PORT", "NAME", "NAMN", "LANG", "SPRÅK", "FOLDER", "MAPP")
	}
	return strings.NewReplacer("DIR", "KANSIO", "URL", "OSOITE", "SLUG", "TUNNISTE", "FILE", "TIEDOSTO", "HOST:PORT", "OSOITE:PORTTI", "NAME", "NIMI", "LANG", "KIELI", "FOLDER", "KANSIO")
}

// flagHelp says what each flag does; a flag not listed shows its own
// usage text.
var flagHelp = map[string]*diag.Message{
	"content": diag.FlagContent, "out": diag.FlagOut, "clean-out": diag.FlagCleanOut, "baseurl": diag.FlagBaseURL, "drafts": diag.FlagDrafts,
	"minify": diag.FlagMinify, "gzip": diag.FlagGzip, "quiet": diag.FlagQuiet, "cpuprofile": diag.FlagCPUProfile,
	"memprofile": diag.FlagMemProfile, "timings": diag.FlagTimings, "format": diag.FlagFormat, "addr": diag.FlagAddr,
	"theme": diag.FlagTheme, "lang": diag.FlagLang, "allow-host": diag.FlagAllowHost, "all": diag.FlagAll,
	// A command's own meaning of a flag, before the flag's.
	"build.format": diag.FlagBuildFormat,
}

// flagArg is what a flag's value is, in -h.
var flagArg = map[string]string{"content": "DIR", "out": "DIR", "baseurl": "URL", "theme": "SLUG",
	"addr": "HOST:PORT", "format": "text|json", "lang": "fi|sv|en", "allow-host": "NAME", "build.format": "text|github"}

// printDefaults is flag.PrintDefaults in the messages' language.
func (f *flags) printDefaults(l diag.Lang) {
	f.VisitAll(func(fl *flag.Flag) {
		if f.hidden[fl.Name] {
			return
		}
		usage := fl.Usage
		if m := cmp.Or(flagHelp[f.Name()+"."+fl.Name], flagHelp[fl.Name]); m != nil {
			usage = m.In(l)
		}
		fake := *fl
		fake.Usage = usage
		kind, usage := flag.UnquoteUsage(&fake)
		line := "  --" + fl.Name
		if arg := cmp.Or(flagArg[f.Name()+"."+fl.Name], flagArg[fl.Name]); arg != "" {
			line += " " + placeholders(l).Replace(arg)
		} else if kind != "" {
			line += " " + placeholders(l).Replace(strings.ToUpper(kind))
		}
		line += "\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t")
		if def := fl.DefValue; def != "" && def != "false" {
			if kind == "string" {
				def = strconv.Quote(def)
			}
			line += " " + diag.CmdFlagDefault.In(l, def)
		}
		fmt.Fprintln(f.stderr, line)
	})
}

// parse parses args; a mistake in them is told in the messages'
// language, followed by the command's flags.
func parse(f *flags, args []string) error {
	usage := f.Usage
	f.Usage = func() {} // the flag package would print it before the reason
	if l := argLang(args); l != "" {
		// -h or a mistake before --lang is told in its language too.
		*f.lang = l
	}
	err := f.Parse(args)
	f.Usage = usage
	l := f.Lang("")
	if err == nil {
		if _, ok := diag.ParseLang(*f.lang); *f.lang != "" && !ok {
			fmt.Fprintln(f.stderr, diag.CmdBadLang.In(l, f.Name(), *f.lang))
			return errUsage
		}
		return nil
	}
	if errors.Is(err, flag.ErrHelp) {
		f.Usage()
		return err
	}
	fmt.Fprintln(f.stderr, flagError(f.Name(), args, err, l))
	f.Usage()
	return errUsage
}

// noArgs refuses words after the flags of a command that takes none: the
// flag package stops reading at the first of them, so the flags after it
// would be left unread (serve x --addr A serving at the default address),
// and a folder named there would not be the one read.
func noArgs(f *flags) error {
	if f.NArg() == 0 {
		return nil
	}
	arg, l := f.Arg(0), f.Lang("")
	if info, err := os.Stat(arg); err == nil && info.IsDir() {
		fmt.Fprintln(f.stderr, diag.CmdArgIsFolder.In(l, f.Name(), arg, arg))
	} else {
		fmt.Fprintln(f.stderr, diag.CmdUnexpectedArg.In(l, f.Name(), arg))
	}
	return errUsage
}

var (
	flagUnknown  = regexp.MustCompile(`^flag provided but not defined: (-\S+)$`)
	flagNoValue  = regexp.MustCompile(`^flag needs an argument: (-\S+)$`)
	flagBadValue = regexp.MustCompile(`^invalid (?:boolean )?value ("[^"]*") for (?:flag )?(-[^:]+): `)
)

// flagError says what the flag package found wrong, which it says in
// English, naming a flag as args has it (-x or --x), where the flag
// package has one dash whatever was typed.
func flagError(cmd string, args []string, err error, l diag.Lang) string {
	s := err.Error()
	if m := flagUnknown.FindStringSubmatch(s); m != nil {
		return diag.CmdFlagUnknown.In(l, cmd, typedFlag(args, m[1]))
	}
	if m := flagNoValue.FindStringSubmatch(s); m != nil {
		name := typedFlag(args, m[1])
		example, ok := flagExample[strings.TrimLeft(name, "-")]
		if !ok {
			example = placeholders(l).Replace("FILE")
		}
		return diag.CmdFlagNeedsValue.In(l, cmd, name, name+" "+example)
	}
	if m := flagBadValue.FindStringSubmatch(s); m != nil {
		v, _ := strconv.Unquote(m[1])
		name := typedFlag(args, m[2])
		return diag.CmdFlagBadValue.In(l, cmd, name, v, name)
	}
	return diag.CmdFlagBad.In(l, cmd, s)
}

// flagExample is a value to show for each flag that takes one, when it
// was written without: the same word for every flag gave --theme content.
var flagExample = map[string]string{"content": "content", "out": "public", "baseurl": "https://example.fi/portaali/",
	"theme": "verkostotyo", "addr": "127.0.0.1:1313", "format": "json", "lang": "sv", "allow-host": "portaali.local"}

// typedFlag is the flag the flag package names -name as it stands in
// args: -name or --name, without a value after =; --name when it is not
// found.
func typedFlag(args []string, flag string) string {
	name := strings.TrimPrefix(flag, "-")
	for _, a := range args {
		if a == "--" {
			break
		}
		typed, _, _ := strings.Cut(a, "=")
		if typed == "-"+name || typed == "--"+name {
			return typed
		}
	}
	return "--" + name
}

// argLang is the value of --lang anywhere in args, for what is printed
// before a command parses its flags.
// langAfterCommand moves a --lang flag written before the command
// (helminauha --lang en check) after it, where the command's flags are
// read.
func langAfterCommand(args []string) []string {
	if len(args) == 0 || !strings.HasPrefix(args[0], "-") {
		return args
	}
	name, _, hasVal := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
	if name != "lang" {
		return args
	}
	n := 2
	if hasVal {
		n = 1
	}
	if len(args) <= n {
		return args
	}
	return slices.Concat(args[n:n+1], args[:n], args[n+1:])
}

func argLang(args []string) string {
	for i, a := range args {
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if hasVal {
			return val
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}
