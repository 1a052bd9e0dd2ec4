package bench

import "testing"

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
