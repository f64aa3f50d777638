package console

import (
	"bytes"
	"regexp"
	"testing"
)

func TestLogLinesHaveJepsensLayout(t *testing.T) {
	var out, file bytes.Buffer
	c := NewPlain(&out)
	c.SetLogFile(&file)
	c.Info("jepsen worker 0", "jepsen.util", "0\t:invoke\t:broadcast\t0")
	c.SetStatus("never drawn on a plain console")
	want := regexp.MustCompile(`^INFO \[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] jepsen worker 0 - jepsen.util 0\t:invoke\t:broadcast\t0\n$`)
	if !want.MatchString(out.String()) {
		t.Errorf("console line %q", out.String())
	}
	if out.String() != file.String() {
		t.Errorf("log file %q differs from console %q", file.String(), out.String())
	}
}
