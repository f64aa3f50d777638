package console

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Console serialises everything eddy prints.
type Console struct {
	mu     sync.Mutex
	stdout io.Writer
	file   io.Writer // the run's jepsen.log, or nil between runs

	// status is the live line; statusOut is nil when it is disabled.
	statusOut *os.File
	status    string
	width     int
}

// New writes logs to stdout. It enables the status line only if stdout and
// stderr are both terminals.
func New(stdout, stderr *os.File) *Console {
	c := &Console{stdout: stdout}
	if term.IsTerminal(int(stdout.Fd())) && term.IsTerminal(int(stderr.Fd())) {
		c.statusOut = stderr
		if w, _, err := term.GetSize(int(stderr.Fd())); err == nil && w > 0 {
			c.width = w
		}
	}
	return c
}

// NewPlain writes logs to w and never draws a status line (tests, pipes).
func NewPlain(w io.Writer) *Console { return &Console{stdout: w} }

// LiveStatus reports whether a status line will be drawn.
func (c *Console) LiveStatus() bool { return c.statusOut != nil }

// SetLogFile tees every later line to w (nil stops the tee).
func (c *Console) SetLogFile(w io.Writer) {
	c.mu.Lock()
	c.file = w
	c.mu.Unlock()
}

// Info logs one line at INFO from the given thread and logger names.
func (c *Console) Info(thread, logger, msg string) { c.log("INFO", thread, logger, msg) }

// Warn logs one line at WARN.
func (c *Console) Warn(thread, logger, msg string) { c.log("WARN", thread, logger, msg) }

func (c *Console) log(level, thread, logger, msg string) {
	now := time.Now()
	line := fmt.Sprintf("%s [%s,%03d] %s - %s %s\n", level, now.Format("2006-01-02 15:04:05"), now.Nanosecond()/1e6, thread, logger, msg)
	c.Print(line)
}

// Print writes text as is (the results map, the verdict).
func (c *Console) Print(text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clearStatus()
	_, _ = io.WriteString(c.stdout, text)
	if c.file != nil {
		_, _ = io.WriteString(c.file, text)
	}
	c.drawStatus()
}

// SetStatus replaces the live status line; "" removes it.
func (c *Console) SetStatus(s string) {
	if c.statusOut == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clearStatus()
	c.status = s
	c.drawStatus()
}

func (c *Console) clearStatus() {
	if c.statusOut != nil && c.status != "" {
		_, _ = io.WriteString(c.statusOut, "\r\x1b[2K")
	}
}

func (c *Console) drawStatus() {
	if c.statusOut == nil || c.status == "" {
		return
	}
	s := c.status
	if c.width > 1 && len(s) >= c.width {
		s = s[:c.width-1]
	}
	_, _ = io.WriteString(c.statusOut, "\x1b[7m"+strings.TrimRight(s, "\n")+"\x1b[0m")
}
