package proc

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
)

// The test binary doubles as the node under test: with EDDY_PROC_HELPER set
// it runs one of these behaviours instead of the tests.
const helperEnv = "EDDY_PROC_HELPER"

func runHelper(mode string) {
	switch mode {
	case "reject-second":
		fmt.Println("ok1")
		fmt.Println("bad")
		fmt.Println("ok2")
		fmt.Fprintln(os.Stderr, "stderr-line")
		blockOnStdin()
	case "crash":
		fmt.Println("last words")
		fmt.Fprintln(os.Stderr, "oops")
		os.Exit(3)
	case "spawn":
		child := exec.Command(os.Args[0])
		child.Env = append(os.Environ(), helperEnv+"=block")
		if err := child.Start(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(strconv.Itoa(child.Process.Pid))
		blockOnStdin()
	case "block":
		blockOnStdin()
	case "echo":
		s := bufio.NewScanner(os.Stdin)
		for s.Scan() {
			fmt.Println(s.Text())
		}
		select {}
	case "loud-crash":
		loudCrash()
	}
	os.Exit(0)
}

// blockOnStdin waits until stdin closes; a node killed by Stop never gets
// that far.
func blockOnStdin() {
	s := bufio.NewScanner(os.Stdin)
	for s.Scan() {
	}
	select {}
}

// loudCrash writes more stderr than an ExitError shows, then exits 2.
func loudCrash() {
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(os.Stderr, "line %d\n", i)
	}
	os.Exit(2)
}
