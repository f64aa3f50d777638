package report

import (
	"bytes"
	"encoding/xml"
	"image"
	_ "image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// pictures Write draws, and the size of the PNGs.
var pictureFiles = []string{"limit.png", "latency-raw.png", "latency-quantiles.png", "rate.png", "propagation.png", "messages.svg"}

func TestWriteDrawsEveryPicture(t *testing.T) {
	dir := writeFixture(t)
	for _, name := range append(pictureFiles, "index.html") {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, name := range pictureFiles {
		checkImage(t, filepath.Join(dir, name))
	}
}

// TestIndexLoadsItsImages is the page check CI can run without a browser:
// every img and link of index.html is relative, names a file of the run
// directory, and every image decodes.
func TestIndexLoadsItsImages(t *testing.T) {
	dir := writeFixture(t)
	imgs, links := pageRefs(t, filepath.Join(dir, "index.html"))
	if len(imgs) != len(pictureFiles) {
		t.Errorf("index.html shows %d images %v, want %d", len(imgs), imgs, len(pictureFiles))
	}
	for _, ref := range append(imgs, links...) {
		u, err := url.Parse(ref)
		if err != nil || u.IsAbs() || u.Host != "" || strings.HasPrefix(u.Path, "/") {
			t.Errorf("%q is not a relative link; the page must open offline", ref)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(u.Path))); err != nil {
			t.Errorf("%q: %v", ref, err)
		}
	}
	for _, src := range imgs {
		checkImage(t, filepath.Join(dir, src))
	}
	page, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	for _, want := range []string{"Everything looks good!", "--node-count 5 (fixture)", ":one", "node-logs/n0.log", "net-journal.jsonl",
		"Stable latency against the limit", "200 ms a hop", "excess (ms)", "Propagation is not a latency", "node CPU"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("index.html does not mention %q", want)
		}
	}
}

func TestWriteKeepsGoingWithoutAJournal(t *testing.T) {
	fx := newFixture(t)
	fx.in.Dir = t.TempDir()
	err := Write(fx.in)
	if err == nil || !strings.Contains(err.Error(), "messages.svg") {
		t.Fatalf("Write without a journal: %v, want an error about messages.svg", err)
	}
	if _, err := os.Stat(filepath.Join(fx.in.Dir, "messages.svg")); err == nil {
		t.Error("a failed messages.svg was left behind")
	}
	imgs, _ := pageRefs(t, filepath.Join(fx.in.Dir, "index.html"))
	for _, src := range imgs {
		if src == "messages.svg" {
			t.Error("index.html shows the diagram that failed")
		}
		checkImage(t, filepath.Join(fx.in.Dir, src))
	}
	if len(imgs) != len(pictureFiles)-1 {
		t.Errorf("index.html shows %v", imgs)
	}
}

// pageRefs returns the img sources and link targets of an HTML file.
func pageRefs(t *testing.T, path string) (imgs, links []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch {
				case n.Data == "img" && a.Key == "src":
					imgs = append(imgs, a.Val)
				case (n.Data == "a" || n.Data == "link") && a.Key == "href":
					links = append(links, a.Val)
				case a.Key == "src":
					t.Errorf("<%s src=%q>: the page should load nothing but its images", n.Data, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return imgs, links
}

// checkImage fails unless path is a PNG of the plot size or an SVG
// document.
func checkImage(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Error(err)
		return
	}
	if strings.HasSuffix(path, ".svg") {
		var root struct {
			XMLName xml.Name
			Width   string `xml:"width,attr"`
		}
		if err := xml.Unmarshal(raw, &root); err != nil || root.XMLName.Local != "svg" || root.Width == "" {
			t.Errorf("%s is not an SVG document: %v (root %v)", path, err, root.XMLName)
		}
		return
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil || format != "png" {
		t.Errorf("%s: %v (format %q)", path, err, format)
		return
	}
	want := image.Pt(960, 384)
	if filepath.Base(path) == "limit.png" {
		want = image.Pt(720, 576) // square data area, so y = x is at 45°
	}
	if cfg.Width != want.X || cfg.Height != want.Y {
		t.Errorf("%s is %d×%d, want %d×%d", path, cfg.Width, cfg.Height, want.X, want.Y)
	}
	if _, _, err := image.Decode(bytes.NewReader(raw)); err != nil {
		t.Errorf("%s does not decode: %v", path, err)
	}
}
