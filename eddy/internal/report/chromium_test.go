package report

import (
	"context"
	"image"
	"image/color"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// chromium finds a headless-capable browser, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

// TestChromiumRendersTheRunPage looks at index.html as a person would: a
// real browser loads it, every image it shows is fetched successfully, and
// the screenshot is not blank. Set REPORT_SCREENSHOT=file.png to keep the
// screenshot. Skipped without Chromium (apt-get install chromium).
func TestChromiumRendersTheRunPage(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium on PATH")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	dir := writeFixture(t)
	var mu sync.Mutex
	fetched := map[string]int{}
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		files.ServeHTTP(rec, r)
		mu.Lock()
		fetched[r.URL.Path] = rec.code
		mu.Unlock()
	}))
	defer srv.Close()

	shot := filepath.Join(t.TempDir(), "index.png")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--no-first-run", "--user-data-dir="+t.TempDir(), "--window-size=1280,4000",
		"--screenshot="+shot, srv.URL+"/index.html")
	cmd.WaitDelay = 10 * time.Second
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}

	imgs, _ := pageRefs(t, filepath.Join(dir, "index.html"))
	mu.Lock()
	for _, src := range imgs {
		if code, ok := fetched["/"+src]; !ok || code != http.StatusOK {
			t.Errorf("the browser did not load %s (status %d, fetched %v)", src, code, ok)
		}
	}
	mu.Unlock()

	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if colours := distinctColours(img, 64); colours < 8 {
		t.Errorf("the screenshot has %d colours; the page looks blank", colours)
	}
	if keep := os.Getenv("REPORT_SCREENSHOT"); keep != "" {
		if _, err := f.Seek(0, io.SeekStart); err == nil {
			raw, _ := io.ReadAll(f)
			_ = os.WriteFile(keep, raw, 0o644)
		}
	}
}

// distinctColours counts colours on a coarse grid, up to limit.
func distinctColours(img image.Image, limit int) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[color.RGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8)}] = true
			if len(seen) >= limit {
				return limit
			}
		}
	}
	return len(seen)
}
