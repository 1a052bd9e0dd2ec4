package main

import (
	"context"
	"io"
	"os"

	"github.com/helminauha/helminauha/internal/diag"
	"github.com/helminauha/helminauha/internal/server"
)

// byMakeEnv is set by the Makefile's serve target (`make serve`).
const byMakeEnv = "HELMINAUHA_BY_MAKE"

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("serve", stderr)
	contentDir := fl.String("content", "content", "the portal's content folder")
	addr := fl.String("addr", server.DefaultAddr, "the address to serve at (loopback unless told otherwise)")
	var hosts []string
	fl.Func("allow-host", diag.FlagAllowHost.ID(), func(s string) error {
		hosts = append(hosts, s)
		return nil
	})
	if err := parse(fl, args); err != nil {
		return err
	}
	if err := noArgs(fl); err != nil {
		return err
	}
	if err := checkContentDir(*contentDir, stderr, fl.Lang("")); err != nil {
		return err
	}
	themes := themesDir(*contentDir)
	if themes == "" {
		// None yet: serve watches for the one beside the content folder,
		// where an editor copies the theme to change it (as the message
		// of a theme not found says), and builds with it once it is made.
		themes = besideContent(*contentDir)
	}
	return server.Run(ctx, server.Options{
		ContentDir:   *contentDir,
		ContentName:  contentName(*contentDir),
		ThemesDir:    themes,
		Addr:         *addr,
		AllowedHosts: hosts,
		// The Makefile's serve target sets it: that make passes its ADDR
		// as --addr. (MAKELEVEL would be set by any make, a team's own
		// Makefile too, whose targets have no ADDR.)
		ByMake: os.Getenv(byMakeEnv) != "",
		Log:    stdout,
		Lang:   *fl.lang,
	})
}
