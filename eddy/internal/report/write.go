package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Write draws every picture of a finished run into in.Dir and then
// index.html. Each output is attempted even if another fails, a panic in
// a plotting library included; the failures are returned joined.
func Write(in Input) error {
	ops := clientOps(&in)
	end := endTime(in.History)
	parts := partitions(in.History, end)
	faults := processFaults(in.History, end)
	bands := shadesOf(parts, faults)
	spreadList := spreads(ops, in.Nodes)

	var errs []error
	written := map[string]bool{}
	attempt := func(name string, draw func(path string) error) {
		path := filepath.Join(in.Dir, name)
		if err := guarded(func() error { return draw(path) }); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			_ = os.Remove(path) // a half-written picture would look like a real one
			return
		}
		written[name] = true
	}
	if in.Run.Limit != nil {
		attempt("limit.png", func(p string) error { return plotLimit(in.Run.Limit.Pairs, p) })
	}
	attempt("latency-raw.png", func(p string) error { return plotLatencyRaw(ops, bands, end, p) })
	attempt("latency-quantiles.png", func(p string) error { return plotLatencyQuantiles(ops, bands, end, p) })
	attempt("rate.png", func(p string) error { return plotRate(ops, bands, end, p) })
	attempt("propagation.png", func(p string) error { return plotPropagation(spreadList, bands, end, p) })
	attempt("messages.svg", func(p string) error {
		events, truncated, err := readJournal(filepath.Join(in.Dir, "net-journal.jsonl"), lamportLimit)
		if err != nil {
			return err
		}
		return writeLamport(events, truncated, parts, p)
	})
	attempt("index.html", func(string) error { return writeIndex(&in, parts, faults, ops, spreadList, written) })
	return errors.Join(errs...)
}

// guarded runs fn, turning a panic into an error.
func guarded(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return fn()
}
