package server

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/helminauha/helminauha/internal/diag"
)

// hostCheck decides which names in a request's Host header the server
// answers to. A page on any web site the editor visits can make their
// browser ask for its own domain name, and by pointing that name at
// 127.0.0.1 (DNS rebinding) read the answers: the drafts. The browser
// sends the page's domain name in Host, so answering only to names the
// server is known by stops it. An IP address in Host cannot be rebound.
type hostCheck struct {
	bound net.IP // the address listened at; unspecified (0.0.0.0, ::) for all
	names map[string]bool
	any   bool

	mu      sync.Mutex
	refused map[string]bool // names already logged
}

func newHostCheck(addr net.Addr, allowed []string) *hostCheck {
	hc := &hostCheck{names: map[string]bool{}, refused: map[string]bool{}}
	if t, ok := addr.(*net.TCPAddr); ok {
		hc.bound = t.IP
	}
	for _, a := range allowed {
		for n := range strings.SplitSeq(a, ",") {
			switch n = normalHost(n); n {
			case "":
			case "*":
				hc.any = true
			default:
				hc.names[n] = true
			}
		}
	}
	return hc
}

// normalHost is host without its port, brackets, case and final dot.
func normalHost(host string) string {
	host = strings.TrimSpace(host)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	return strings.ToLower(host)
}

// allows tells whether the server answers to host (a Host header).
func (hc *hostCheck) allows(host string) bool {
	if hc.any {
		return true
	}
	h := normalHost(host)
	switch {
	case h == "":
		return false
	case h == "localhost", strings.HasSuffix(h, ".localhost"): // RFC 6761: always loopback
		return true
	case hc.names[h]:
		return true
	}
	ip := net.ParseIP(h)
	if ip == nil {
		return false
	}
	// Listening on every interface, any of the machine's addresses is the
	// bound address.
	return ip.IsLoopback() || ip.Equal(hc.bound) || hc.bound == nil || hc.bound.IsUnspecified()
}

// refuse answers 403 and tells the terminal once per name: an editor who
// opened the portal by another name sees how to allow it, in lang.
func (hc *hostCheck) refuse(w http.ResponseWriter, r *http.Request, log io.Writer, lang diag.Lang) {
	name := normalHost(r.Host)
	hc.mu.Lock()
	first := !hc.refused[name] && len(hc.refused) < 100
	if first {
		hc.refused[name] = true
	}
	hc.mu.Unlock()
	if first {
		fmt.Fprintln(log, diag.ServeHostRefused.In(lang, name, name))
	}
	body := diag.ServeHostRefusedPage.In(lang, name, name) + "\n"
	serveBytes(w, r, http.StatusForbidden, "text/plain; charset=utf-8", []byte(body))
}
