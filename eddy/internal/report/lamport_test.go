package report

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"eddy/internal/journal"
)

func TestReadJournalSkipsInitShiftsTheClockAndStopsAtTheLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "net-journal.jsonl")
	lines := `{"t":5,"ev":"send","id":0,"src":"c0","dest":"n0","type":"init","due":5}
{"t":6,"ev":"recv","id":0,"src":"c0","dest":"n0","type":"init"}
{"t":100,"ev":"clock-zero"}
{"t":150,"ev":"send","id":1,"src":"c1","dest":"n0","type":"topology","due":150}
{"t":160,"ev":"recv","id":1,"src":"c1","dest":"n0","type":"topology"}
{"t":170,"ev":"send","id":2,"src":"n0","dest":"n1","type":"gossip","due":270}
{"t":270,"ev":"drop","id":2,"src":"n0","dest":"n1","type":"gossip","dropped":true}
`
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	j, err := readJournal(path, 10)
	if err != nil || j.Truncated || len(j.Events) != 4 {
		t.Fatalf("readJournal = %+v, %v; want the 4 events after init", j, err)
	}
	if e := j.Events[3]; e.T != 170 || e.Ev != "drop" || e.Src != "n0" || e.Dest != "n1" || e.Type != "gossip" {
		t.Errorf("last event %+v, want the drop at history time 170", e)
	}
	j, err = readJournal(path, 3)
	if err != nil || !j.Truncated || len(j.Events) != 3 || j.Events[0].T != 50 {
		t.Errorf("limit 3: %+v, %v", j, err)
	}
}

func TestLamportDiagramColoursAndMarksMessages(t *testing.T) {
	dir := writeFixture(t)
	raw, err := os.ReadFile(filepath.Join(dir, "messages.svg"))
	if err != nil {
		t.Fatal(err)
	}
	svg := string(raw)
	for class, what := range map[string]string{
		`<g class="client">`: "client traffic", `<g class="server">`: "node-to-node traffic",
		`<g class="error">`: "an error reply", `<g class="drop">`: "a dropped message",
		`class="band"`: "a partition band",
	} {
		if !strings.Contains(svg, class) {
			t.Errorf("messages.svg has no %s (%s)", what, class)
		}
	}
	if strings.Contains(svg, ">init<") || strings.Contains(svg, " init,") {
		t.Error("init messages are drawn; Maelstrom's diagram leaves them out")
	}
	drops := strings.Count(svg, `<g class="drop"><title>`)
	if n := strings.Count(svg, `<path class="cross"`); n == 0 || n != drops {
		t.Errorf("%d crosses for %d drops", n, drops)
	}
	if !strings.Contains(svg, "dropped by the partition") || !strings.Contains(svg, "delivered") {
		t.Error("arrows have no tooltips")
	}
}

func TestLanesPutClientsBeforeNodesInNumericOrder(t *testing.T) {
	ids := []string{"n10", "lin-kv", "c10", "n2", "c9", "n0"}
	laneOrder(ids)
	if want := []string{"n0", "n2", "n10", "lin-kv", "c9", "c10"}; !slices.Equal(ids, want) {
		t.Errorf("lanes %v, want %v", ids, want)
	}
}

func TestLongJournalsAreCutWithANotice(t *testing.T) {
	var events []journal.Event
	for i := range 10 {
		events = append(events, journal.Event{T: int64(i), Ev: journal.Send, ID: int64(i), Src: "n0", Dest: "n1", Type: "gossip"})
	}
	var b strings.Builder
	layoutLamport(events, true, nil).render(&b)
	if !strings.Contains(b.String(), "Only the first 10 network events") {
		t.Error("a truncated diagram does not say so")
	}
	if !strings.Contains(b.String(), `<g class="server lost">`) {
		t.Error("messages sent but not delivered within the drawing are not marked")
	}
}
