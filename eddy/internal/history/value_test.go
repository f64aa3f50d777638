package history

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestReadIntsSkipsWhatIsNotAnInteger(t *testing.T) {
	r := Read{{Int: 5}, {Raw: json.RawMessage(`1.0`)}, {Int: 2}, {Raw: json.RawMessage(`"2"`)}, {Int: 5}}
	if got := r.Ints(); !slices.Equal(got, []int64{5, 2, 5}) {
		t.Errorf("Ints = %v", got)
	}
	if got := r.SortedInts(); !slices.Equal(got, []int64{2, 5, 5}) {
		t.Errorf("SortedInts = %v", got)
	}
}

func TestOpValueAccessorsAskForOneKind(t *testing.T) {
	b := Op{F: FBroadcast, Value: Element(7)}
	if e, ok := b.ElementValue(); !ok || e != 7 {
		t.Errorf("ElementValue = %d, %v", e, ok)
	}
	if _, ok := b.ReadValue(); ok {
		t.Error("a broadcast's value is not a read")
	}
	r := Op{F: FRead, Value: ReadOf(1, 2)}
	if got, ok := r.ReadValue(); !ok || !slices.Equal(got.Ints(), []int64{1, 2}) {
		t.Errorf("ReadValue = %v, %v", got, ok)
	}
	n := Op{Process: NemesisProcess, Value: Isolated{Drops: map[string][]string{"n1": {"n2"}}, Text: "[:isolated …]"}}
	if g, ok := n.IsolatedValue(); !ok || g.Drops["n1"][0] != "n2" {
		t.Errorf("IsolatedValue = %+v, %v", g, ok)
	}
	if _, ok := (Op{}).ElementValue(); ok {
		t.Error("no value is no element")
	}
}
