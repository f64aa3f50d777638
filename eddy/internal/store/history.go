package store

import (
	"bufio"
	"os"
	"strconv"
	"strings"

	"eddy/internal/edn"
	"eddy/internal/history"
)

// OpLine renders an op as Jepsen's history.txt and console lines do:
// process, type, f, value and, if any, error, separated by tabs.
func OpLine(op history.Op) string {
	var b strings.Builder
	b.WriteString(process(op))
	b.WriteByte('\t')
	b.WriteString(op.Type.String())
	b.WriteByte('\t')
	b.WriteString(edn.Compact(edn.Keyword(op.F)))
	b.WriteByte('\t')
	b.WriteString(edn.Compact(edn.HistoryValue(op.Value)))
	if op.Error != "" {
		b.WriteByte('\t')
		b.WriteString(op.Error)
	}
	return b.String()
}

// OpEDN renders an op as one EDN map, the layout of a history.edn line.
func OpEDN(op history.Op) string {
	return edn.Compact(edn.HistoryOp(op))
}

func process(op history.Op) string {
	if op.Process == history.NemesisProcess {
		return ":nemesis"
	}
	return strconv.Itoa(op.Process)
}

// The history files' names in a run directory.
const (
	HistoryTxtFile = "history.txt"
	HistoryEDNFile = "history.edn"
)

// WriteHistory writes history.txt and history.edn into the run directory.
// ReadHistory reads history.edn back.
func (d *Dir) WriteHistory(h history.History) error {
	if err := writeLines(d.File(HistoryTxtFile), h, OpLine); err != nil {
		return err
	}
	return writeLines(d.File(HistoryEDNFile), h, OpEDN)
}

func writeLines(path string, h history.History, render func(history.Op) string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, op := range h {
		w.WriteString(render(op))
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
