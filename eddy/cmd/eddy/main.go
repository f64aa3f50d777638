package main

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"eddy/internal/console"
	"eddy/internal/runner"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// exitUsage is Jepsen's status for bad command-line arguments.
const exitUsage = 254

func run(args []string, stdout, stderr *os.File) int {
	if len(args) > 0 && args[0] == "serve" {
		return serve(args[1:], stdout, stderr)
	}
	opts, err := parseArgs(args)
	var usage *usageError
	if errors.As(err, &usage) {
		fmt.Fprintln(stderr, "eddy: "+usage.msg)
		fmt.Fprintln(stderr, "eddy: run `eddy --help` for the options")
		return exitUsage
	}
	if opts.help {
		io.WriteString(stdout, helpText)
		return 0
	}
	if !opts.seedGiven {
		opts.cfg.Seed = randomSeed()
	}
	// Ctrl-C and SIGTERM cancel the run; the runner then kills every node
	// before eddy exits. A second signal gets Go's default behaviour (exit
	// at once), and the kernel's parent-death signal takes the nodes down.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()

	out := console.New(stdout, stderr)
	paths, err := newStorePaths(opts.storePathFile)
	if err != nil {
		fmt.Fprintln(stderr, "eddy: --store-path-file:", err)
		return exitUsage
	}
	code := 0
	for i := 0; i < opts.testCount; i++ {
		cfg := opts.cfg
		cfg.Seed = opts.cfg.Seed + uint64(i)
		out.Print(fmt.Sprintf("eddy: test %d of %d, seed %d\n", i+1, opts.testCount, cfg.Seed))
		res := runner.Run(ctx, cfg, out)
		if err := paths.add(res.Dir); err != nil {
			fmt.Fprintln(stderr, "eddy: --store-path-file:", err)
		}
		code = res.ExitCode
		if code != 0 {
			break // --test-count stops at the first run that is not valid
		}
	}
	return code
}

// storePaths is --store-path-file: the file that tells another program
// (cmd/bench) where each run was stored, so it never has to scrape the log
// or guess from store/latest. It is emptied when eddy starts, and each run
// that made a store directory adds that directory's absolute path as one
// line when it ends, whatever its verdict.
type storePaths struct{ path string }

func newStorePaths(path string) (storePaths, error) {
	if path == "" {
		return storePaths{}, nil
	}
	return storePaths{path}, os.WriteFile(path, nil, 0o644)
}

func (s storePaths) add(dir string) error {
	if s.path == "" || dir == "" {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(s.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(abs + "\n"); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// randomSeed picks a seed when none was given; it is printed so the run can
// be replayed.
func randomSeed() uint64 {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:]) >> 1
}
