package checker

import (
	"testing"

	"eddy/internal/edn"
	"eddy/internal/history"
)

// invocations builds a history with n client invocations (and a nemesis
// pair, which must not count).
func invocations(n int) history.History {
	var b builder
	b.StartPartition(0)
	for i := 0; i < n; i++ {
		b.Read(i, ints(), ms(int64(i)), ms(int64(i)+1))
	}
	return b.H
}

func TestMsgsPerOpIsAJavaFloatOnAllAndServersOnly(t *testing.T) {
	// Figures from real Maelstrom runs, and the examples in docs/SEMANTICS.md.
	tests := []struct {
		name           string
		ops            int
		all, servers   int
		wantAll, wantS string
	}{
		{"3d run", 206, 4334, 3822, "21.038836", "18.553398"},
		{"3d with partitions", 220, 3774, 3234, "17.154545", "14.7"},
		{"fly.io example", 1990, 129592, 125512, "65.121605", "63.071358"},
		{"whole quotient", 205, 1250, 820, "6.097561", "4.0"},
		{"single node", 193, 390, 0, "2.0207255", "0.0"},
		{"three decimals", 1000, 5441, 5441, "5.441", "5.441"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			counts := NetCounts{
				All:     NetGroup{SendCount: tt.all, RecvCount: tt.all, MsgCount: tt.all},
				Clients: NetGroup{SendCount: tt.all - tt.servers, RecvCount: tt.all - tt.servers, MsgCount: tt.all - tt.servers},
				Servers: NetGroup{SendCount: tt.servers, RecvCount: tt.servers, MsgCount: tt.servers},
			}
			n := Check(invocations(tt.ops), counts, Options{}).Net
			if n.OpCount != tt.ops {
				t.Fatalf("op count = %d, want %d", n.OpCount, tt.ops)
			}
			if got := edn.FormatFloat32(n.All.MsgsPerOp); !n.All.HasMsgsPerOp || got != tt.wantAll {
				t.Errorf("all msgs-per-op = %s (present %v), want %s", got, n.All.HasMsgsPerOp, tt.wantAll)
			}
			if got := edn.FormatFloat32(n.Servers.MsgsPerOp); !n.Servers.HasMsgsPerOp || got != tt.wantS {
				t.Errorf("servers msgs-per-op = %s, want %s", got, tt.wantS)
			}
			if n.Clients.HasMsgsPerOp {
				t.Errorf("clients must never carry msgs-per-op")
			}
		})
	}
}

func TestMsgsPerOpIsOmittedWithoutOperations(t *testing.T) {
	counts := NetCounts{All: NetGroup{4, 4, 4}, Clients: NetGroup{4, 4, 4}}
	n := Check(invocations(0), counts, Options{}).Net
	if n.All.HasMsgsPerOp || n.Servers.HasMsgsPerOp || n.Valid != True {
		t.Errorf("got %+v", n)
	}
}

func TestRatioFloat32MatchesClojure(t *testing.T) {
	// Clojure rounds a Ratio to 16 digits before the double; for counts of
	// this size that never changes the float, which this sweep pins down.
	for num := int64(0); num < 3000; num += 7 {
		for den := int64(1); den < 300; den += 3 {
			if got, want := ratioFloat32(num, den), float32(float64(num)/float64(den)); got != want {
				t.Fatalf("ratioFloat32(%d, %d) = %v, want %v", num, den, got, want)
			}
		}
	}
	if got := decimal64Quotient(2, 3); got != 0.6666666666666667 {
		t.Errorf("decimal64Quotient(2, 3) = %v, want 0.6666666666666667", got)
	}
	if got := decimal64Quotient(1, 8); got != 0.125 {
		t.Errorf("decimal64Quotient(1, 8) = %v", got)
	}
}
