package journal

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestEveryLineReadsBackAsItWasWritten(t *testing.T) {
	events := []Event{
		{T: 2649516, Ev: Send, ID: 0, Src: "c0", Dest: "n1", Type: "init", Due: 2649516},
		{T: 2660192, Ev: Recv, ID: 0, Src: "c0", Dest: "n1", Type: "init"},
		{T: 5100320, Ev: ClockZero},
		{T: 9912032, Ev: Drop, ID: 51, Src: "n2", Dest: "n3", Type: "gossip \"odd\"\n", Dropped: true},
		{T: 9912040, Ev: Send, ID: 52, Src: "n3", Dest: "n2", Type: "", Due: 10012040},
	}
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, e := range events {
		w.Write(e)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	for i, want := range []string{
		`{"t":2649516,"ev":"send","id":0,"src":"c0","dest":"n1","type":"init","due":2649516}`,
		`{"t":2660192,"ev":"recv","id":0,"src":"c0","dest":"n1","type":"init"}`,
		`{"t":5100320,"ev":"clock-zero"}`,
		`{"t":9912032,"ev":"drop","id":51,"src":"n2","dest":"n3","type":"gossip \"odd\"\u000a","dropped":true}`,
	} {
		if lines[i] != want {
			t.Errorf("line %d\n got %s\nwant %s", i, lines[i], want)
		}
	}
	j, err := Read(&buf, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(events)
	want = slices.Delete(want, 2, 3)
	for i := range want {
		want[i].T -= 5100320
		if want[i].Ev == Send {
			want[i].Due -= 5100320
		}
	}
	if j.Zero != 5100320 || j.Truncated || !slices.Equal(j.Events, want) {
		t.Errorf("read back %+v\nwant %+v", j, want)
	}
}

func TestReadKeepsWhatItIsAskedForAndStopsAtTheLimit(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.Write(Event{T: 10, Ev: ClockZero})
	for i := range 10 {
		w.Write(Event{T: 20 + int64(i), Ev: Recv, ID: int64(i), Src: "n0", Dest: "n1", Type: []string{"init_ok", "gossip"}[i%2]})
	}
	_ = w.Flush()
	j, err := Read(&buf, func(e Event) bool { return e.Type != "init_ok" }, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(j.Events) != 3 || !j.Truncated || j.Events[0].ID != 1 || j.Events[0].T != 11 {
		t.Errorf("got %+v", j)
	}
	if _, err := Read(strings.NewReader("{\"t\":1}\nnot json\n"), nil, 0); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a bad line should say where it is: %v", err)
	}
}
