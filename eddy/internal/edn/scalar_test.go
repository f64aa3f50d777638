package edn

import "testing"

func TestQuoteEscapesAsClojurePrDoes(t *testing.T) {
	if got := Quote("a\"b\nc"); got != `"a\"b\nc"` {
		t.Errorf("got %s", got)
	}
	if got := Quote("\\\t\r\f\b é"); got != `"\\\t\r\f\b é"` {
		t.Errorf("got %s", got)
	}
}
