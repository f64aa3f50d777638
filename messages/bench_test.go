package messages

import "testing"

func BenchmarkDecodeBroadcast(b *testing.B) {
	line := []byte(`{"id":1234,"src":"c57","dest":"n3","body":{"type":"broadcast","message":1017,"msg_id":42}}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(line); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeGossip50(b *testing.B) {
	line := []byte(`{"id":99,"src":"n0","dest":"n3","body":{"type":"gossip","seq":1001,"values":[` +
		`1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,` +
		`31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50],"ack":77}}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(line); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeReadOK1000(b *testing.B) {
	values := make([]Value, 1000)
	for i := range values {
		values[i] = IntValue(int64(i))
	}
	m := Message{Src: "n3", Dest: "c57", Body: ReadOK{InReplyTo: 9, Messages: values}}
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendLine(buf[:0], m)
	}
}
