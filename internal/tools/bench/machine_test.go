package bench

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestMeminfo(t *testing.T) {
	text := []byte("MemTotal:       24567890 kB\nMemFree:         9075996 kB\nMemAvailable:   20000000 kB\nShmem:            102400 kB\n")
	tests := []struct {
		key  string
		want int64
	}{
		{"MemAvailable:", 20000000 << 10},
		{"Shmem:", 102400 << 10},
		{"MemFree:", 9075996 << 10},
		{"Mem", 0},
		{"SwapTotal:", 0},
	}
	for _, tt := range tests {
		if got := meminfo(text, tt.key); got != tt.want {
			t.Errorf("meminfo(%q) = %d, want %d", tt.key, got, tt.want)
		}
	}
}

func TestMachineString(t *testing.T) {
	m := Machine{Load1: 1.5, Available: 19 << 30, Shmem: 1 << 29}
	if got, want := m.String(), "load 1.5, 19.0 GiB available, 0.5 GiB in tmpfs"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestVmstat(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Pressure
	}{
		{"every kind", "pgfault 1715271170\nallocstall_dma 0\nallocstall_normal 44592\nallocstall_movable 3691896\npgscan_kswapd 2950443517\npgscan_direct 5217315192\npgscan_direct_throttle 7\ncompact_stall 28689\ncompact_fail 12\n", Pressure{5217315192, 44592 + 3691896, 28689}},
		{"an old kernel's single allocstall", "allocstall 12\npgscan_direct 40\n", Pressure{40, 12, 0}},
		{"none", "nr_free_pages 12345\n", Pressure{}},
		{"garbage", "pgscan_direct\ncompact_stall x\n\n", Pressure{}},
	}
	for _, tt := range tests {
		if got := vmstat([]byte(tt.text)); got != tt.want {
			t.Errorf("%s: vmstat = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestPressureSinceAndString(t *testing.T) {
	before := Pressure{Scanned: 1000, Stalls: 10, Compacts: 5}
	after := Pressure{Scanned: 1000 + 5308, Stalls: 102, Compacts: 366}
	if got, want := after.Since(before).String(), "waits for memory: 92 reclaim (20 MiB scanned), 361 compaction"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestSteal(t *testing.T) {
	tests := []struct {
		name string
		text string
		want time.Duration
		ok   bool
	}{
		{"this machine's", "cpu  929043 14629 505472 984339 90452 0 30592 16471 0 0\ncpu0 464521 7314 252736 492169 45226 0 15296 8235 0 0\n", 164710 * time.Millisecond, true},
		{"an old kernel's, without steal", "cpu  929043 14629 505472 984339 90452 0 30592\n", 0, false},
		{"not the cpu line first", "intr 1 2 3 4 5 6 7 8 9\n", 0, false},
		{"garbage", "cpu  a b c d e f g h i\n", 0, false},
		{"empty", "", 0, false},
	}
	for _, tt := range tests {
		if got, ok := steal([]byte(tt.text)); got != tt.want || ok != tt.ok {
			t.Errorf("%s: steal = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestWatchNote(t *testing.T) {
	before := Watch{pressure: Pressure{Scanned: 1000, Stalls: 10, Compacts: 5}, steal: 2 * time.Second, pressureOK: true, stealOK: true}
	after := Watch{pressure: Pressure{Scanned: 1000 + 5308, Stalls: 102, Compacts: 366}, steal: 3500 * time.Millisecond, pressureOK: true, stealOK: true}
	tests := []struct {
		name          string
		before, after Watch
		want          string
	}{
		{"both", before, after, "; waits for memory: 92 reclaim (20 MiB scanned), 361 compaction; the host took 1.5 s (steal)"},
		{"no steal before", Watch{pressure: before.pressure, pressureOK: true}, after, "; waits for memory: 92 reclaim (20 MiB scanned), 361 compaction"},
		{"no vmstat now", before, Watch{steal: after.steal, stealOK: true}, "; the host took 1.5 s (steal)"},
		{"neither", Watch{}, Watch{}, ""},
	}
	for _, tt := range tests {
		if got := tt.before.until(tt.after); got != tt.want {
			t.Errorf("%s: note = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// FaultCost must count the faults' kernel time: a page costs some time
// to fault in (a quarter of a GiB takes the kernel a few clock ticks even
// on bare metal) and far less than a millisecond.
func TestFaultCost(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("measured on Linux only")
	}
	cost, ok := FaultCost(256 << 20)
	if !ok {
		t.Fatal("FaultCost could not measure on Linux")
	}
	if cost <= 0 || cost > time.Millisecond {
		t.Errorf("a page costs %v of kernel time, want more than 0 and under 1 ms", cost)
	}
	if note := FaultNote(); !strings.Contains(note, "µs of kernel time here (256 MiB touched)") {
		t.Errorf("FaultNote() = %q", note)
	}
}
