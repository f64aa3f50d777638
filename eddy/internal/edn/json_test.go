package edn

import (
	"encoding/json"
	"math"
	"testing"
)

func TestMarshalJSONRendersTheSameTree(t *testing.T) {
	doc := Map{
		KV("valid?", Keyword("unknown")),
		KV("msgs-per-op", Float32(5.441)),
		KV("tiny", Float32(1e-4)),
		KV("nan", Float64(math.NaN())),
		KV("stable-latencies", Map{{Int(0), Int(0)}, {Float64(0.5), Int(7)}}),
		KV("op", Record{Tag: "jepsen.history.Op", Fields: Map{KV("f", Keyword("add")), KV("value", JSON(`[1,"1"]`))}}),
		KV("error", Raw(":net-timeout")),
		KV("stale", List{Int(1), Int(2)}),
		KV("set", Set{String("n1")}),
		KV("none", Nil{}),
	}
	got, err := MarshalJSON(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"valid?":"unknown","msgs-per-op":5.441,"tiny":1.0E-4,"nan":null,` +
		`"stable-latencies":{"0":0,"0.5":7},"op":{"f":"add","value":[1,"1"]},` +
		`"error":":net-timeout","stale":[1,2],"set":["n1"],"none":null}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !json.Valid(got) {
		t.Errorf("output is not valid JSON: %s", got)
	}
}
