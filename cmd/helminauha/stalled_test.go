//go:build unix

package main

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestServeStopsPastAClientThatStopsReading: a tab that stopped reading a
// large file (a laptop put to sleep halfway through a video) holds its
// connection open with the server's writes blocked. Ctrl-C still ends
// serve as it always does: status 0 and not a word of Go's shutdown in
// English ("context deadline exceeded", status 1, before 2026-12-07).
func TestServeStopsPastAClientThatStopsReading(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writePortal(t, "small.txtar", dir)
	static := filepath.Join(dir, "content", "static")
	if err := os.MkdirAll(static, 0o755); err != nil {
		t.Fatal(err)
	}
	// Far more than the socket buffers of both ends hold.
	if err := os.WriteFile(filepath.Join(static, "video.mp4"), make([]byte, 64<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HELMINAUHA_LANG=fi")
	s := startServing(t, cmd)
	s.waitFor("/helmet/dialogi/", "Dialogi")

	// A small receive window, so that the server's writes block soon.
	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) { syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
	}}
	conn, err := d.DialContext(context.Background(), "tcp", strings.TrimSuffix(strings.TrimPrefix(s.base, "http://"), "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("GET /video.mp4 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	// The answer has begun: the server is writing the file, and from
	// here on nothing more is read.
	resp, err := http.ReadResponse(bufio.NewReaderSize(conn, 16), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("GET /video.mp4: %d, want 200", resp.StatusCode)
	}

	err = s.interrupt()
	if err != nil {
		t.Errorf("serve did not end cleanly on Ctrl-C with a client that stopped reading: %v", err)
	}
	for _, line := range s.log {
		if strings.Contains(line, "deadline") || strings.HasPrefix(line, "helminauha:") {
			t.Errorf("serve said on Ctrl-C: %q", line)
		}
	}
	if t.Failed() {
		t.Logf("serve's output:\n%s", strings.Join(s.log, "\n"))
	}
}
