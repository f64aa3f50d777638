package shell

import (
	"os"
	"strconv"
	"strings"
)

// startTime reads when process pid started, in clock ticks since boot
// (field 22 of /proc/<pid>/stat), as text.
func startTime(pid int) (string, bool) {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return "", false
	}
	// The command name (field 2) is in parentheses and may hold anything,
	// spaces and parentheses included; the fields after it are plain.
	i := strings.LastIndexByte(string(stat), ')')
	if i < 0 {
		return "", false
	}
	fields := strings.Fields(string(stat[i+1:]))
	const startTimeField = 22 - 3 // fields[0] is field 3, the state
	if len(fields) <= startTimeField {
		return "", false
	}
	return fields[startTimeField], true
}

// processesVisible reports whether a missing /proc entry means the process
// is gone.
func processesVisible() bool {
	_, err := os.Stat("/proc/self/stat")
	return err == nil
}
