package edn

import (
	"encoding/json"
	"testing"
)

func TestParseReadsBackWhatCompactPrints(t *testing.T) {
	docs := []Value{
		Map{KV("index", Int(3)), KV("time", Int(11000000)), KV("type", Keyword("ok")), KV("process", Keyword("nemesis")),
			KV("f", Keyword("read")), KV("value", Vector{Int(5), Raw("1.5"), String("x \"q\" \\ \n\t")}), KV("final?", Bool(true))},
		Vector{Keyword("isolated"), Map{{Key: String("n2"), Val: Set{String("n1"), String("n4")}}, {Key: String("n5"), Val: Set{}}}},
		Map{{Key: String("n3"), Val: Keyword("killed")}, {Key: String("n1"), Val: Keyword("already-running")}},
		List{Int(-7), Nil{}, Bool(false), Raw("123456789012345678901234"), Raw("1.0E-4")},
		Record{Tag: "jepsen.history.Op", Fields: Map{KV("index", Int(0)), KV("value", Nil{})}},
		Vector{Keyword("crash"), String("é ☃")},
		Symbol("clojure.lang.ExceptionInfo"),
	}
	for _, d := range docs {
		text := Compact(d)
		back, err := Parse(text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		if again := Compact(back); again != text {
			t.Errorf("printed %s, read back as %s", text, again)
		}
	}
	// JSON data prints as Clojure data and reads back as the same text.
	j := JSON(json.RawMessage(`{"a":[1,null,2.5,"s"],"b":{}}`))
	if back, err := Parse(Compact(j)); err != nil || Compact(back) != Compact(j) {
		t.Errorf("%s read back as %v (%v)", Compact(j), back, err)
	}
}

func TestParseRejectsWhatIsNotOneDocument(t *testing.T) {
	for _, bad := range []string{"", "[1 2", `"open`, "{:a}", "1 2", "#tag 3", "}", "-x1"} {
		if v, err := Parse(bad); err == nil {
			t.Errorf("%q parsed as %#v", bad, v)
		}
	}
}
