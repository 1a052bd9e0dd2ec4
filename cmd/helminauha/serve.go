package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/helminauha/helminauha/internal/build"
)

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := newFlags("serve", "[--content DIR] [--addr 127.0.0.1:1313]", stderr)
	contentDir := fl.String("content", "content", "the portal's content folder")
	addr := fl.String("addr", "127.0.0.1:1313", "the address to serve at (loopback unless told otherwise)")
	out := fl.String("out", "public", "the folder to build into and serve")
	if err := parse(fl, args); err != nil {
		return err
	}
	opts := buildOptions(*contentDir)
	opts.Out, opts.Drafts, opts.BaseURL = *out, true, "http://"+*addr+"/"
	res, err := build.Build(ctx, opts)
	if res != nil {
		printDiags(stderr, res, false)
	}
	if err != nil {
		if errors.Is(err, build.ErrContent) {
			return errContent
		}
		return err
	}
	srv := &http.Server{Addr: *addr, Handler: http.FileServer(http.Dir(*out)), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	fmt.Fprintf(stdout, "Serving %s at http://%s/ (Ctrl-C stops)\n", *out, *addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
