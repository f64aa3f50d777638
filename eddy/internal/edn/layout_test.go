package edn

import (
	"strings"
	"testing"
)

// quantileMap is a map shaped like :stable-latencies.
func quantileMap(median, p95, p99, max int64) Map {
	return Map{
		{Int(0), Int(0)},
		{Float64(0.5), Int(median)},
		{Float64(0.95), Int(p95)},
		{Float64(0.99), Int(p99)},
		{Int(1), Int(max)},
	}
}

func TestPrettyKeepsAGroupFlatWhenItEndsWithinTheWidth(t *testing.T) {
	// Both cases were observed in real output at the same indentation: the
	// first ends at column 70 and stays on one line (its trailing comma
	// does not count), the second would end at 71 and is broken.
	filler := Keyword("filler-key-of-some-length")
	doc := func(q Map) Value {
		return Map{KV("workload", Map{
			KV("worst-stale", filler),
			KV("stable-latencies", q),
			KV("attempt-count", Int(96)),
		})}
	}
	flat := Pretty(doc(quantileMap(64, 312, 423, 423)), DefaultWidth)
	if !strings.Contains(flat, "\n            :stable-latencies {0 0, 0.5 64, 0.95 312, 0.99 423, 1 423},\n") {
		t.Errorf("70-column group was broken:\n%s", flat)
	}
	broken := Pretty(doc(quantileMap(452, 674, 731, 794)), DefaultWidth)
	want := "            :stable-latencies {0 0,\n" +
		"                               0.5 452,\n" +
		"                               0.95 674,\n" +
		"                               0.99 731,\n" +
		"                               1 794},\n"
	if !strings.Contains(broken, want) {
		t.Errorf("71-column group was not broken as fipp breaks it:\n%s", broken)
	}
}

func TestPrettyAlignsRecordFieldsAfterTheBrace(t *testing.T) {
	op := Record{Tag: "jepsen.history.Op", Fields: Map{
		KV("index", Int(237)),
		KV("time", Int(13170594173)),
		KV("type", Keyword("ok")),
		KV("process", Int(14)),
		KV("f", Keyword("add")),
		KV("value", Int(69)),
	}}
	got := Pretty(Map{KV("known", op)}, DefaultWidth)
	pad := strings.Repeat(" ", len("{:known #jepsen.history.Op{"))
	want := "{:known #jepsen.history.Op{:index 237,\n" +
		pad + ":time 13170594173,\n" +
		pad + ":type :ok,\n" +
		pad + ":process 14,\n" +
		pad + ":f :add,\n" +
		pad + ":value 69}}"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestPrettyBreaksEverySeparatorOfABrokenSequence(t *testing.T) {
	items := make(List, 30)
	for i := range items {
		items[i] = Int(i)
	}
	got := Pretty(Map{KV("stale", items)}, DefaultWidth)
	lines := strings.Split(got, "\n")
	if len(lines) != 30 {
		t.Fatalf("want one element per line, got %d lines:\n%s", len(lines), got)
	}
	if lines[0] != "{:stale (0" || lines[1] != "         1" || lines[29] != "         29)}" {
		t.Errorf("unexpected layout:\n%s", got)
	}
}

func TestCompactPrintsLikePrStr(t *testing.T) {
	tests := []struct {
		in   Value
		want string
	}{
		{Nil{}, "nil"},
		{nil, "nil"},
		{Bool(false), "false"},
		{Int(-3), "-3"},
		{Keyword("valid?"), ":valid?"},
		{Symbol("clojure.lang.ExceptionInfo"), "clojure.lang.ExceptionInfo"},
		{String("say \"hi\"\n\\ é"), `"say \"hi\"\n\\ é"`},
		{Raw("[:timeout \"x\"]"), `[:timeout "x"]`},
		{List{}, "()"},
		{Vector{}, "[]"},
		{Map{}, "{}"},
		{Set{String("n2"), String("n1")}, `#{"n2" "n1"}`},
		{Vector{Int(0), Int(9), Int(10)}, "[0 9 10]"},
		{Map{KV("a", Int(1)), KV("b", List{Int(2)})}, "{:a 1, :b (2)}"},
		{Vector{Keyword("isolated"), Map{{String("n1"), Set{String("n2")}}}}, `[:isolated {"n1" #{"n2"}}]`},
		{Float32(0), "0.0"},
	}
	for _, tt := range tests {
		if got := Compact(tt.in); got != tt.want {
			t.Errorf("Compact(%#v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
