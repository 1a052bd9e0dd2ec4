package bench

import (
	"runtime"
	"syscall"
	"time"
)

// FaultCost is the kernel time one page of fresh memory costs this
// machine when first touched: it maps size bytes, writes one byte a page
// and divides the thread's system time by the pages. A build's page
// faults (each run line counts them) times this is about what its memory
// cost in kernel time. On this project's virtual machine a page cost
// 2.1–2.4 µs (2026-12-07): a hypervisor may back guest memory lazily and
// take back what the guest frees, so the same count of faults weighs
// differently on one machine, or at one hour, than on another.
func FaultCost(size int) (time.Duration, bool) {
	page := syscall.Getpagesize()
	if size < page {
		return 0, false
	}
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return 0, false
	}
	defer syscall.Munmap(b)
	// The thread's own time: the rest of the process runs on.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var before, after syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if syscall.Getrusage(rusageThread, &before) != nil {
		return 0, false
	}
	for i := 0; i < size; i += page {
		b[i] = 1
	}
	if syscall.Getrusage(rusageThread, &after) != nil {
		return 0, false
	}
	sys := time.Duration(after.Stime.Nano() - before.Stime.Nano())
	return sys / time.Duration(size/page), true
}
