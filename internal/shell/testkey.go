package shell

import (
	"os"
	"strconv"
	"strings"
)

// testKey names the test this process belongs to: its parent process, by
// pid and, where the system says, start time ("4242-81234"; "4242" alone
// elsewhere).
func testKey() string {
	ppid := os.Getppid()
	if start, ok := startTime(ppid); ok {
		return strconv.Itoa(ppid) + "-" + start
	}
	return strconv.Itoa(ppid)
}

// ended reports whether the test key names a process that has ended: no
// process with that pid, or one started at another time. A name that is
// not a test key, or a key whose process cannot be checked here, is never
// taken for ended.
func ended(key string) bool {
	pidText, start, hasStart := strings.Cut(key, "-")
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 || !hasStart {
		return false
	}
	if _, err := strconv.ParseUint(start, 10, 64); err != nil {
		return false
	}
	now, ok := startTime(pid)
	if !ok {
		return processesVisible()
	}
	return now != start
}
