package nemesis

import (
	"fmt"
	"strings"
)

// Faults is the set of fault families --nemesis enables (§12.1).
type Faults struct {
	Partition bool // network partitions (§5)
	Kill      bool // SIGKILL a node's process, start it again later
	Pause     bool // SIGSTOP a node's process, SIGCONT it later
}

// ParseFaults reads --nemesis: a comma-separated set of partition, kill and
// pause, in any order, repeats allowed, empty items ignored. Any other name
// is an error that names it.
func ParseFaults(list string) (Faults, error) {
	var f Faults
	for _, item := range strings.Split(list, ",") {
		switch name := strings.TrimSpace(item); name {
		case "":
		case "partition":
			f.Partition = true
		case "kill":
			f.Kill = true
		case "pause":
			f.Pause = true
		default:
			return Faults{}, fmt.Errorf("unknown fault %q (the faults are partition, kill and pause)", name)
		}
	}
	return f, nil
}

// Any reports whether some fault is enabled.
func (f Faults) Any() bool { return f.Partition || f.Kill || f.Pause }

// Process reports whether a process fault (kill or pause) is enabled: the
// db generator of §12.4 runs only then.
func (f Faults) Process() bool { return f.Kill || f.Pause }

// String spells the set as --nemesis takes it, in the order partition,
// kill, pause ("" for none).
func (f Faults) String() string {
	var names []string
	for _, x := range []struct {
		on   bool
		name string
	}{{f.Partition, "partition"}, {f.Kill, "kill"}, {f.Pause, "pause"}} {
		if x.on {
			names = append(names, x.name)
		}
	}
	return strings.Join(names, ",")
}
