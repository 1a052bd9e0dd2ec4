package server

import (
	_ "embed"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// The paths the server answers itself. No page of a portal can have them:
// a folder name starting with "_" is not a valid slug.
const (
	prefix     = "/__helminauha/"
	scriptPath = prefix + "reload.js"
	stylePath  = prefix + "overlay.css"
	eventsPath = prefix + "events"
)

//go:embed reload.js
var reloadJS []byte

//go:embed overlay.css
var overlayCSS []byte

// hub fans the number of each finished build out to the open reload
// streams.
type hub struct {
	mu     sync.Mutex
	subs   map[chan int64]bool
	last   int64
	closed chan struct{}
	done   bool
}

func newHub() *hub { return &hub{subs: map[chan int64]bool{}, closed: make(chan struct{})} }

// send tells every stream that build gen is being served. A stream that
// has not taken the previous number yet gets only the newest.
func (h *hub) send(gen int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.last = gen
	for c := range h.subs {
		select {
		case <-c:
		default:
		}
		c <- gen
	}
}

// subscribe returns a channel that receives build numbers, starting with
// the current one, and a function that ends the subscription.
func (h *hub) subscribe() (<-chan int64, func()) {
	c := make(chan int64, 1)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.last > 0 {
		c <- h.last
	}
	h.subs[c] = true
	return c, func() {
		h.mu.Lock()
		delete(h.subs, c)
		h.mu.Unlock()
	}
}

// close ends every stream, for shutdown.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.done {
		h.done = true
		close(h.closed)
	}
}

// serveEvents is the Server-Sent Events stream the reload script listens
// to: an event "reload" carrying the build number, first the current one
// on connecting (so a tab that missed builds while disconnected catches
// up), then one per build. A comment line every 15 s keeps proxies and
// browsers from timing the stream out.
func (srv *server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return // the headers a GET would have, and no stream to hold open
	}
	fmt.Fprint(w, "retry: 500\n\n")
	rc.Flush()
	gens, stop := srv.hub.subscribe()
	defer stop()
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-srv.hub.closed:
			return
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		case gen := <-gens:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", gen)
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}
