package benchrun

import (
	"context"
	"flag"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
)

// Main runs a command whose context Ctrl-C or SIGTERM cancels (which stops
// the eddy run in progress, and eddy kills its nodes), then exits with the
// command's status.
func Main(run func(ctx context.Context, args []string, stdout, stderr io.Writer) int) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Paths are the two binaries every bench command runs, and the directory
// it runs them in (where eddy's store/ grows).
type Paths struct{ Eddy, Bin, Dir string }

// Register adds -eddy, -bin and -dir to fs.
func (p *Paths) Register(fs *flag.FlagSet) {
	fs.StringVar(&p.Eddy, "eddy", "bin/eddy", "the harness: eddy, whose files the figures are read from")
	fs.StringVar(&p.Bin, "bin", "bin/rumor", "the node binary")
	fs.StringVar(&p.Dir, "dir", ".", "the directory eddy runs in; its store/ goes there")
}

// Absolute returns the paths made absolute, as eddy runs the node by its
// canonical path.
func (p Paths) Absolute() (Paths, error) {
	var abs Paths
	for _, c := range []struct {
		from string
		to   *string
	}{{p.Eddy, &abs.Eddy}, {p.Bin, &abs.Bin}, {p.Dir, &abs.Dir}} {
		path, err := filepath.Abs(c.from)
		if err != nil {
			return p, err
		}
		*c.to = path
	}
	return abs, nil
}
