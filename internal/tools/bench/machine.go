package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
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
