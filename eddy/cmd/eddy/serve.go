package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// defaultPort is maelstrom serve's.
const defaultPort = 8080

// parseServeArgs reads `serve [--port N]`.
func parseServeArgs(args []string) (port int, help bool, err error) {
	port = defaultPort
	for i := 0; i < len(args); i++ {
		name, val, hasVal := strings.Cut(args[i], "=")
		switch name {
		case "-h", "--help":
			return port, true, nil
		case "-p", "--port":
			if !hasVal {
				if i+1 >= len(args) {
					return 0, false, usagef("option %s needs a value", name)
				}
				i++
				val = args[i]
			}
			port, err = strconv.Atoi(val)
			if err != nil || port < 0 || port > 65535 {
				return 0, false, usagef("--port must be a port number, got %q", val)
			}
		default:
			return 0, false, usagef("unknown option %s for eddy serve", args[i])
		}
	}
	return port, false, nil
}

// serve runs `eddy serve`: the store under the working directory on
// localhost until Ctrl-C or SIGTERM.
func serve(args []string, stdout, stderr io.Writer) int {
	port, help, err := parseServeArgs(args)
	if err != nil {
		fmt.Fprintln(stderr, "eddy serve:", err)
		return exitUsage
	}
	if help {
		io.WriteString(stdout, helpText)
		return 0
	}
	// Loopback only: the store holds node logs, not for the network.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintln(stderr, "eddy serve:", err)
		return 255
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(stdout, "eddy: serving store/ at http://localhost:%d/ (Ctrl-C to stop)\n", ln.Addr().(*net.TCPAddr).Port)
	return serveUntil(ctx, ln, "store", stderr)
}

// serveUntil serves root on ln until ctx ends, then shuts down cleanly.
func serveUntil(ctx context.Context, ln net.Listener, root string, stderr io.Writer) int {
	srv := &http.Server{Handler: listing(root), ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintln(stderr, "eddy serve:", err)
		return 255
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		fmt.Fprintln(stderr, "eddy serve:", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "eddy serve:", err)
	}
	return 0
}
