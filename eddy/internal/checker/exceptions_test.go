package checker

import (
	"testing"

	"eddy/internal/history"
)

func TestExceptionsGroupInfoOpsThatCarryAnException(t *testing.T) {
	var b builder
	b.Read(0, ints(), 0, ms(1)).
		Invoke(1, history.FRead, nil, ms(2)).
		Invoke(2, history.FBroadcast, history.Element(0), ms(3))
	b.H.Append(history.Op{Time: ms(4), Type: history.Info, Process: 1, F: history.FRead,
		Exception: "malformed-rpc-response", Error: `"indeterminate: bad reply"`})
	b.H.Append(history.Op{Time: ms(5), Type: history.Info, Process: 2, F: history.FBroadcast, Value: history.Element(0),
		Exception: "malformed-rpc-response", Error: `"indeterminate: bad reply"`})
	b.Invoke(3, history.FBroadcast, history.Element(1), ms(6)).
		Complete(3, history.Info, history.FBroadcast, history.Element(1), ms(5006)) // a timeout, no exception

	r := Check(b.H, NetCounts{}, Options{})
	e := r.Exceptions
	if e.Valid != True || len(e.Groups) != 1 || e.Groups[0].Count != 2 || e.Groups[0].Example.Index != 4 {
		t.Fatalf("exceptions = %+v", e)
	}
}

func TestExceptionsNamingAJavaClassGroupSeparatelyMostFrequentFirst(t *testing.T) {
	var h history.History
	for i, exc := range []string{"java.lang.AssertionError", "malformed-rpc-response", "network", "java.lang.AssertionError"} {
		h.Append(history.Op{Time: ms(int64(i)), Type: history.Invoke, Process: i, F: history.FRead})
		h.Append(history.Op{Time: ms(int64(i)), Type: history.Info, Process: i, F: history.FRead, Exception: exc})
	}
	groups := Check(h, NetCounts{}, Options{}).Exceptions.Groups
	if len(groups) != 2 {
		t.Fatalf("groups = %+v", groups)
	}
	// Equal counts: Jepsen's ascending sort then reverse puts the later
	// first-seen class first.
	if groups[0].Class != "clojure.lang.ExceptionInfo" || groups[0].Count != 2 ||
		groups[1].Class != "java.lang.AssertionError" || groups[1].Count != 2 {
		t.Errorf("groups = %+v", groups)
	}
}
