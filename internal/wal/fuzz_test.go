package wal

import (
	"slices"
	"testing"

	"rumor/messages"
)

// FuzzDecode feeds Decode arbitrary bytes: it must not panic, must say
// where the valid data ends, and what it recovers must be values that
// survive a round trip through a fresh log.
func FuzzDecode(f *testing.F) {
	data, _, _ := logBytes(f, [][]messages.Value{ints(0, 3), {parse(f, `{"a":[1,"\u00e9"]}`)}})
	f.Add(data)
	f.Add(data[:len(data)-3])
	f.Add(append(slices.Clone(data[:20]), data[25:]...))
	f.Add([]byte(magic))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := Decode(data)
		if rec.End < 0 || rec.End > len(data) {
			t.Fatalf("End %d outside the %d bytes", rec.End, len(data))
		}
		if !rec.Torn && !rec.Corrupt && len(data) >= len(magic) && rec.End != len(data) {
			t.Fatalf("clean, yet valid data ends at %d of %d", rec.End, len(data))
		}
		if (rec.Torn || rec.Corrupt) && len(rec.Problems) == 0 {
			t.Fatal("damage found but not described")
		}
		again := Decode(AppendValues(AppendStart(nil, testHeader), rec.Values))
		if !slices.Equal(again.Values, rec.Values) || again.Torn || again.Corrupt {
			t.Fatalf("recovered values do not survive a round trip: %v, then %v", rec.Values, again.Values)
		}
	})
}

// FuzzGarbageAfterValidRecords writes a valid log of values drawn from the
// input, then appends arbitrary bytes, as a torn or damaged write would:
// every value of the valid log must be recovered, in order, first.
func FuzzGarbageAfterValidRecords(f *testing.F) {
	f.Add([]byte{1, 2, 3, 0, 4}, []byte{0xF5, 0x57, 0, 0})
	f.Add([]byte{7}, []byte("rumorwal"))
	f.Add([]byte{}, []byte{0xF5})
	f.Fuzz(func(t *testing.T, spec, garbage []byte) {
		data := AppendStart(nil, testHeader)
		var want []messages.Value
		var batch []messages.Value
		for _, b := range spec {
			if b == 0 { // a zero byte ends an append
				data = AppendValues(data, batch)
				want = append(want, batch...)
				batch = nil
				continue
			}
			batch = append(batch, messages.IntValue(int64(b)*1000003))
		}
		data = AppendValues(data, batch)
		want = append(want, batch...)
		rec := Decode(append(data, garbage...))
		if len(rec.Values) < len(want) || !slices.Equal(rec.Values[:len(want)], want) {
			t.Fatalf("recovered %v, want %v first (problems %q)", rec.Values, want, rec.Problems)
		}
		if !rec.HasHeader || rec.Header != testHeader {
			t.Fatalf("header %+v lost", rec.Header)
		}
	})
}
