package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

func TestServeArguments(t *testing.T) {
	for _, c := range []struct {
		args []string
		port int
		help bool
		bad  bool
	}{
		{nil, 8080, false, false},
		{[]string{"--port", "9000"}, 9000, false, false},
		{[]string{"--port=0"}, 0, false, false},
		{[]string{"-p", "81"}, 81, false, false},
		{[]string{"--help"}, 8080, true, false},
		{[]string{"--port"}, 0, false, true},
		{[]string{"--port", "http"}, 0, false, true},
		{[]string{"--port", "70000"}, 0, false, true},
		{[]string{"--bin", "x"}, 0, false, true},
	} {
		port, help, err := parseServeArgs(c.args)
		var usage *usageError
		if c.bad != errors.As(err, &usage) || (!c.bad && (port != c.port || help != c.help)) {
			t.Errorf("parseServeArgs(%q) = %d, %v, %v", c.args, port, help, err)
		}
	}
}

func TestServeAnswersUntilCancelled(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- serveUntil(ctx, ln, t.TempDir(), io.Discard) }()

	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "eddy store") {
		t.Errorf("GET / = %d %q", resp.StatusCode, body)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve ended with %d after Ctrl-C, want 0", code)
	}
}
