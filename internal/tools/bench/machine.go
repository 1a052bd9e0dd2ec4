package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Machine is what else the machine was doing when a run began: a build's
// time depends on it as much as on the build. With little memory to
// spare, the kernel writes a 100,000-pearl build's temporary body store
// (1.25 GB) to disk and reads it back: run in a 3.5 GB memory cgroup,
// such a build spent 5 s of its 22 s of system time reading the store
// (perf), against under 2 s with memory to spare. Each run line carries
// these figures so that a run can be judged by them.
type Machine struct {
	Load1     float64 // load average over the last minute
	Available int64   // bytes the kernel says it can give without swapping (MemAvailable)
	Shmem     int64   // bytes held in tmpfs and shared memory, which no build can get back
}

// ReadMachine reads Machine from /proc; on another system it returns
// false.
func ReadMachine() (Machine, bool) {
	var m Machine
	load, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return m, false
	}
	if f := strings.Fields(string(load)); len(f) > 0 {
		m.Load1, _ = strconv.ParseFloat(f[0], 64)
	}
	info, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return m, false
	}
	m.Available, m.Shmem = meminfo(info, "MemAvailable:"), meminfo(info, "Shmem:")
	return m, true
}

// meminfo is the field key of /proc/meminfo's text, in bytes.
func meminfo(text []byte, key string) int64 {
	sc := bufio.NewScanner(bytes.NewReader(text))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == key {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// String is the figures as a run line's tail: "load 1.2, 19.8 GiB
// available, 0.1 GiB in tmpfs".
func (m Machine) String() string {
	const gib = 1 << 30
	return fmt.Sprintf("load %.1f, %.1f GiB available, %.1f GiB in tmpfs", m.Load1, float64(m.Available)/gib, float64(m.Shmem)/gib)
}

// MachineNote is ReadMachine's figures as a run line's tail, or "" where
// there are none.
func MachineNote() string {
	if m, ok := ReadMachine(); ok {
		return "; at start " + m.String()
	}
	return ""
}

// Pressure counts, machine-wide, the times the kernel made a process that
// asked for memory wait: it reclaimed pages itself (direct reclaim) or
// moved pages to make a block of them (compaction). A 100,000-pearl
// build faults in over 2 GB of heap; on this virtual machine some runs
// spend twice the others' time in the kernel, and these counters, read
// before and after a run, tell whether it waited on memory.
type Pressure struct {
	Scanned  int64 // pages scanned by direct reclaim (pgscan_direct)
	Stalls   int64 // allocations that stalled for direct reclaim (allocstall_*)
	Compacts int64 // allocations that stalled for compaction (compact_stall)
}

// ReadPressure reads Pressure from /proc/vmstat; on another system it
// returns false.
func ReadPressure() (Pressure, bool) {
	text, err := os.ReadFile("/proc/vmstat")
	if err != nil {
		return Pressure{}, false
	}
	return vmstat(text), true
}

// vmstat is the Pressure of /proc/vmstat's text.
func vmstat(text []byte) Pressure {
	var p Pressure
	sc := bufio.NewScanner(bytes.NewReader(text))
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil {
			continue
		}
		switch {
		case key == "pgscan_direct":
			p.Scanned += n
		case key == "allocstall" || strings.HasPrefix(key, "allocstall_"):
			p.Stalls += n
		case key == "compact_stall":
			p.Compacts += n
		}
	}
	return p
}

// Since is what the counters grew by from before.
func (p Pressure) Since(before Pressure) Pressure {
	return Pressure{p.Scanned - before.Scanned, p.Stalls - before.Stalls, p.Compacts - before.Compacts}
}

// String is the counters as a run line's tail: "waits for memory: 92
// reclaim (20 MiB scanned), 361 compaction".
func (p Pressure) String() string {
	return fmt.Sprintf("waits for memory: %d reclaim (%d MiB scanned), %d compaction", p.Stalls, p.Scanned*4096>>20, p.Compacts)
}

// ReadSteal reads the time the machine's virtual processors waited while
// the host ran others (the steal column of /proc/stat, all processors
// together); on another system, or one that does not count it, it
// returns false. Read before and after a run, it tells a run the host
// slowed from one that slowed itself.
func ReadSteal() (time.Duration, bool) {
	text, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, false
	}
	return steal(text)
}

// steal is the steal time of /proc/stat's text: the eighth figure of its
// "cpu" line, in the kernel's clock ticks (USER_HZ, 100 a second on
// Linux whatever the kernel's own tick).
func steal(text []byte) (time.Duration, bool) {
	line, _, _ := bytes.Cut(text, []byte("\n"))
	f := strings.Fields(string(line))
	if len(f) < 9 || f[0] != "cpu" {
		return 0, false
	}
	ticks, err := strconv.ParseInt(f[8], 10, 64)
	if err != nil {
		return 0, false
	}
	return time.Duration(ticks) * (time.Second / 100), true
}

// A Watch holds the machine's counters as a run began: the memory waits
// (Pressure) and the host's steal, each with whether it could be read,
// so that Note can tell what the machine did while the run ran.
type Watch struct {
	pressure            Pressure
	steal               time.Duration
	pressureOK, stealOK bool
}

// StartWatch reads the counters a run's Note is measured from.
func StartWatch() Watch {
	var w Watch
	w.pressure, w.pressureOK = ReadPressure()
	w.steal, w.stealOK = ReadSteal()
	return w
}

// Note is a run line's tail for what the counters did since w was
// started: "; waits for memory: …; the host took … s (steal)", each part
// left out where it could not be read before or now.
func (w Watch) Note() string {
	return w.until(StartWatch())
}

func (w Watch) until(now Watch) string {
	var note string
	if w.pressureOK && now.pressureOK {
		note += "; " + now.pressure.Since(w.pressure).String()
	}
	if w.stealOK && now.stealOK {
		note += fmt.Sprintf("; the host took %.1f s (steal)", (now.steal - w.steal).Seconds())
	}
	return note
}

// FaultNote is FaultCost over 256 MiB as a line: "a page first touched
// costs 8.6 µs of kernel time here (256 MiB touched)", or "" where it
// cannot be measured.
func FaultNote() string {
	const size = 256 << 20
	cost, ok := FaultCost(size)
	if !ok {
		return ""
	}
	return fmt.Sprintf("a page first touched costs %.1f µs of kernel time here (%d MiB touched)", float64(cost)/float64(time.Microsecond), size>>20)
}
