package bench

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStoreDirComesFromTheWroteLine(t *testing.T) {
	out := "INFO [x] jepsen test runner - jepsen.store Wrote store/broadcast/20261123T1/results.edn\n"
	if dir, ok := storeDir([]byte(out)); !ok || dir != "store/broadcast/20261123T1" {
		t.Errorf("got %q, %v", dir, ok)
	}
	if _, ok := storeDir([]byte("Test crashed!\n")); ok {
		t.Error("found a store in a crashed run's output")
	}
}

func TestReadResults(t *testing.T) {
	dir := t.TempDir()
	results := `{"valid?": true, "workload": {"lost-count": 0, "stable-latencies": {"0": 0, "0.5": 141, "0.95": 290, "1": 346}},
		"net": {"all": {"msg-count": 7504, "msgs-per-op": 3.63}, "servers": {"msg-count": 3274, "msgs-per-op": 1.5854721}}}`
	cost := `{"nodes": 25, "cpu_seconds_per_1000_ops": 3.1, "peak_rss_max_mib": 15.8}`
	must(t, os.WriteFile(filepath.Join(dir, "results.json"), []byte(results), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "cost.json"), []byte(cost), 0o644))
	limit := `{"hop-ms": 100, "stable-latencies": {"0": 0, "0.5": 73, "0.95": 97, "0.99": 99, "1": 99},
		"excess": {"0": 0, "0.5": 68, "0.95": 225, "0.99": 240, "1": 247}}`
	must(t, os.WriteFile(filepath.Join(dir, "limit.json"), []byte(limit), 0o644))
	f, err := Read(dir)
	must(t, err)
	if f.Limit == nil || *f.Limit != (Points{MedianMS: 73, P95MS: 97, MaxMS: 99}) || f.Excess == nil || *f.Excess != (Points{MedianMS: 68, P95MS: 225, MaxMS: 247}) {
		t.Errorf("limit %+v, excess %+v", f.Limit, f.Excess)
	}
	if f.Valid != "true" || f.MedianMS != 141 || f.P95MS != 290 || f.MaxMS != 346 || f.Ops != 2065 || f.Cost == nil || f.Cost.CPUPer1000Ops != 3.1 {
		t.Errorf("got %+v (cost %+v)", f, f.Cost)
	}
	if validity(":unknown") != "unknown" || validity(false) != "false" {
		t.Error("validity spelled wrong")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
