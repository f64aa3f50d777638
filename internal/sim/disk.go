package sim

import (
	"rumor/internal/wal"
	"rumor/messages"
)

// Disk is the simulated disk: each node's log, as the bytes the shell's
// log file would hold (written and read with package wal's own format). It
// outlives the nodes' processes, and even a Sim: a second simulated test
// may be given the first one's disk, as Maelstrom runs every test's nodes
// in the same directory.
type Disk struct {
	logs map[string][]byte
}

// NewDisk returns an empty disk.
func NewDisk() *Disk { return &Disk{logs: make(map[string][]byte)} }

// testKey is the one test key of the simulated machine: every simulated
// test runs under the same harness process, so only init tells a restart
// from a new test (actor's recovery.go), which is what is under test here.
const testKey = "sim"

// open opens node's log as the shell would: a fresh start empties it; a
// restart reads it back and repairs it (a torn tail cut off, a damaged log
// rewritten).
func (d *Disk) open(node string, fresh bool) ([]messages.Value, []string) {
	header := wal.Header{Node: node, TestKey: testKey}
	if fresh {
		d.logs[node] = wal.AppendStart(nil, header)
		return nil, nil
	}
	data, ok := d.logs[node]
	if !ok {
		d.logs[node] = wal.AppendStart(nil, header)
		return nil, []string{"no log to recover from; starting an empty one"}
	}
	rec := wal.Decode(data)
	switch {
	case rec.Corrupt || !rec.HasHeader || rec.Header != header:
		d.logs[node] = wal.AppendValues(wal.AppendStart(nil, header), rec.Values)
	case rec.Torn:
		d.logs[node] = data[:rec.End]
	}
	return rec.Values, rec.Problems
}

// append writes one append's records; keep, when not negative, is how
// many of their bytes reach the disk before the process dies mid-write.
func (d *Disk) append(node string, vs []messages.Value, keep int) {
	records := wal.AppendValues(nil, vs)
	if keep >= 0 && keep < len(records) {
		records = records[:keep]
	}
	d.logs[node] = append(d.logs[node], records...)
}

// recordsLen is how many bytes one append of vs writes.
func recordsLen(vs []messages.Value) int { return len(wal.AppendValues(nil, vs)) }

// Size returns how many bytes node's log holds.
func (d *Disk) Size(node string) int { return len(d.logs[node]) }
