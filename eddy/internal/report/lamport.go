package report

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"os"

	"eddy/internal/journal"
)

// lamportLimit is how many journal events messages.svg draws. Maelstrom
// draws 10 000; beyond a few thousand the picture is too tall to read.
const lamportLimit = 4000

// Layout of messages.svg, in pixels.
const (
	lamportLeft     = 90   // time labels
	lamportTop      = 78   // legend and lane names
	lamportWidth    = 1200 // lanes share what the time labels leave…
	lamportMinLane  = 30   // …but no lane gets less: the drawing widens
	lamportRow      = 4    // minimum step between consecutive events
	lamportMaxGap   = 28   // idle time adds at most this much
	lamportPxPerMs  = 0.3  // idle time, scaled
	lamportHeaderEv = 1600 // lane names are repeated this often (px)
)

// message is one journaled message within the drawn events.
type message struct {
	id        int64
	src, dest string
	typ       string
	end       int     // event index of its delivery or drop; -1 if neither is drawn
	dropped   bool    // end is a drop, not a delivery
	sentT     int64   // ns
	endT      int64   // ns, if end >= 0
	sy, ey    float64 // rows
	class     string  // colour class: client, server or error
}

// lamport is a laid-out diagram.
type lamport struct {
	lanes     []string
	laneX     map[string]float64
	laneW     float64
	width     int // px; wider than lamportWidth when lanes need it
	rowY      []float64
	height    float64
	messages  []*message
	bands     []band
	truncated bool
	events    []journal.Event
}

// band is a partition's rows.
type band struct {
	y0, y1 float64
	label  string
}

// layoutLamport places events on rows (one per event, in journal order,
// with idle time stretching the gap a little so bursts stand apart) and
// nodes and clients on lanes.
func layoutLamport(events []journal.Event, truncated bool, parts []partition) *lamport {
	d := &lamport{events: events, truncated: truncated, laneX: map[string]float64{}}
	seen := map[string]bool{}
	for _, e := range events {
		for _, id := range []string{e.Src, e.Dest} {
			if !seen[id] {
				seen[id] = true
				d.lanes = append(d.lanes, id)
			}
		}
	}
	laneOrder(d.lanes)
	d.laneW = float64(lamportWidth-lamportLeft) / float64(max(1, len(d.lanes)))
	d.laneW = max(lamportMinLane, min(d.laneW, 140))
	d.width = max(lamportWidth, int(lamportLeft+d.laneW*float64(len(d.lanes)))+10)
	for i, id := range d.lanes {
		d.laneX[id] = lamportLeft + d.laneW*(float64(i)+0.5)
	}

	y := float64(lamportTop + 20)
	d.rowY = make([]float64, len(events))
	byID := map[int64]*message{}
	for i, e := range events {
		if i > 0 {
			gapMs := float64(e.T-events[i-1].T) / 1e6
			y += lamportRow + min(lamportMaxGap, max(0, gapMs*lamportPxPerMs))
		}
		d.rowY[i] = y
		switch e.Ev {
		case journal.Send:
			m := &message{id: e.ID, src: e.Src, dest: e.Dest, typ: e.Type, end: -1, sentT: e.T, sy: y}
			m.class = messageClass(m)
			byID[e.ID] = m
			d.messages = append(d.messages, m)
		case journal.Recv, journal.Drop:
			if m := byID[e.ID]; m != nil && m.end < 0 {
				m.end, m.endT, m.ey, m.dropped = i, e.T, y, e.Ev == journal.Drop
			}
		}
	}
	d.height = y + 40
	for _, p := range parts {
		if b, ok := d.band(p); ok {
			d.bands = append(d.bands, b)
		}
	}
	return d
}

// messageClass is the colour class: errors, then client traffic, then
// server traffic; a drop overrides all three.
func messageClass(m *message) string {
	switch {
	case m.typ == "error":
		return "error"
	case isClient(m.src) || isClient(m.dest):
		return "client"
	}
	return "server"
}

// band finds the rows a partition covers.
func (d *lamport) band(p partition) (band, bool) {
	first, last := -1, -1
	for i, e := range d.events {
		if e.T >= p.Start && e.T <= p.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return band{}, false
	}
	return band{y0: d.rowY[first] - lamportRow/2, y1: d.rowY[last] + lamportRow/2, label: p.Spec}, true
}

// writeLamport renders messages.svg.
func writeLamport(events []journal.Event, truncated bool, parts []partition, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	layoutLamport(events, truncated, parts).render(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (d *lamport) render(w io.Writer) {
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%.0f" viewBox="0 0 %d %.0f" font-family="sans-serif" font-size="11">`+"\n",
		d.width, d.height, d.width, d.height)
	io.WriteString(w, lamportStyle)
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="#fff"/>`+"\n")
	for _, b := range d.bands {
		fmt.Fprintf(w, `<rect class="band" x="0" y="%.1f" width="%d" height="%.1f"/><text class="bandlabel" x="4" y="%.1f">partition %s</text>`+"\n",
			b.y0, d.width, b.y1-b.y0, b.y0+11, html.EscapeString(b.label))
	}
	d.renderTime(w)
	for _, id := range d.lanes {
		fmt.Fprintf(w, `<line class="lane" x1="%.1f" y1="%d" x2="%.1f" y2="%.0f"/>`+"\n", d.laneX[id], lamportTop, d.laneX[id], d.height-20)
	}
	for _, m := range d.messages {
		d.renderMessage(w, m)
	}
	for y := float64(lamportTop); y < d.height-100; y += lamportHeaderEv {
		d.renderLaneNames(w, y)
	}
	d.renderLegend(w)
	if d.truncated {
		fmt.Fprintf(w, `<text x="%d" y="%.0f" class="note">Only the first %d network events are drawn (init and init_ok left out); net-journal.jsonl has the rest.</text>`+"\n",
			lamportLeft, d.height-6, len(d.events))
	}
	io.WriteString(w, "</svg>\n")
}

// renderTime labels the left margin with the history clock, at most every
// 60 px.
func (d *lamport) renderTime(w io.Writer) {
	last := -1e9
	for i, y := range d.rowY {
		if y-last < 60 {
			continue
		}
		last = y
		fmt.Fprintf(w, `<text class="time" x="%d" y="%.1f">%.3f s</text><line class="tick" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`+"\n",
			lamportLeft-12, y+3, nanosToSeconds(d.events[i].T), lamportLeft-8, y, lamportLeft-2, y)
	}
}

func (d *lamport) renderLaneNames(w io.Writer, y float64) {
	fmt.Fprintf(w, `<rect class="header" x="%d" y="%.0f" width="%d" height="16"/>`+"\n", lamportLeft, y, d.width-lamportLeft)
	for _, id := range d.lanes {
		fmt.Fprintf(w, `<text class="lanename %s" x="%.1f" y="%.0f">%s</text>`+"\n",
			laneClass(id), d.laneX[id], y+12, html.EscapeString(id))
	}
}

func laneClass(id string) string {
	if isClient(id) {
		return "clientlane"
	}
	return "nodelane"
}

// renderMessage draws one arrow, its tooltip and, when there is room, its
// type. A message with no delivery in the drawing runs dotted to the
// bottom; a dropped one ends in a cross.
func (d *lamport) renderMessage(w io.Writer, m *message) {
	x1, x2 := d.laneX[m.src], d.laneX[m.dest]
	y1, y2 := m.sy, m.ey
	class, tip := m.class, ""
	switch {
	case m.end < 0:
		class += " lost"
		y2 = d.height - 24
		tip = fmt.Sprintf("#%d %s → %s %s, sent %.6f s, not delivered within the drawing", m.id, m.src, m.dest, m.typ, nanosToSeconds(m.sentT))
	case m.dropped:
		class = "drop"
		tip = fmt.Sprintf("#%d %s → %s %s, sent %.6f s, dropped by the partition %.6f s", m.id, m.src, m.dest, m.typ, nanosToSeconds(m.sentT), nanosToSeconds(m.endT))
	default:
		tip = fmt.Sprintf("#%d %s → %s %s, sent %.6f s, delivered %.6f s", m.id, m.src, m.dest, m.typ, nanosToSeconds(m.sentT), nanosToSeconds(m.endT))
	}
	fmt.Fprintf(w, `<g class="%s"><title>%s</title><line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, class, html.EscapeString(tip), x1, y1, x2, y2)
	if m.dropped {
		const r = 4
		fmt.Fprintf(w, `<path class="cross" d="M%.1f %.1fl%d %dM%.1f %.1fl%d %d"/>`, x2-r, y2-r, 2*r, 2*r, x2-r, y2+r, 2*r, -2*r)
	}
	if dx := x2 - x1; (dx > 70 || dx < -70) && m.end >= 0 {
		fmt.Fprintf(w, `<text x="%.1f" y="%.1f">%s</text>`, x1+dx*0.5, y1+(y2-y1)*0.5-2, html.EscapeString(m.typ))
	}
	io.WriteString(w, "</g>\n")
}

func (d *lamport) renderLegend(w io.Writer) {
	fmt.Fprintf(w, `<text x="%d" y="18" class="title">Network messages, time flowing down (hover an arrow for details)</text>`+"\n", lamportLeft)
	items := []struct{ class, label string }{
		{"client", "client ↔ node"}, {"server", "node ↔ node"}, {"error", "error reply"},
		{"drop", "dropped by a partition"}, {"client lost", "never delivered"},
	}
	x := lamportLeft
	for _, it := range items {
		fmt.Fprintf(w, `<g class="%s"><line x1="%d" y1="38" x2="%d" y2="38"/></g><text x="%d" y="42">%s</text>`+"\n",
			it.class, x, x+28, x+34, it.label)
		x += 50 + 7*len(it.label)
	}
	fmt.Fprintf(w, `<rect class="band" x="%d" y="30" width="28" height="14"/><text x="%d" y="42">partitioned</text>`+"\n", x, x+34)
}

// lamportStyle is the diagram's stylesheet; arrows are markers because
// they must follow each line's angle.
const lamportStyle = `<defs>
<marker id="a-client" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#3b8fd9"/></marker>
<marker id="a-server" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#222"/></marker>
<marker id="a-error" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#e0457b"/></marker>
</defs>
<style>
line { stroke-width: 1.2; }
.lane { stroke: #bbb; stroke-width: 1; }
.header { fill: #fff; fill-opacity: 0.9; }
.lanename { text-anchor: middle; font-weight: bold; }
.clientlane { fill: #3b8fd9; }
.nodelane { fill: #222; }
.band { fill: #ececec; }
.bandlabel { fill: #777; font-size: 10px; }
.time { text-anchor: end; fill: #555; font-size: 10px; }
.tick { stroke: #999; }
.title { font-size: 14px; font-weight: bold; }
.note { fill: #a00; }
g text { font-size: 9px; text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.client line { stroke: #3b8fd9; marker-end: url(#a-client); }
.client text { fill: #3b8fd9; }
.server line { stroke: #222; marker-end: url(#a-server); }
.server text { fill: #222; }
.error line { stroke: #e0457b; marker-end: url(#a-error); }
.error text { fill: #e0457b; }
.drop line, .drop path { stroke: #d62728; stroke-dasharray: 4 3; }
.drop path { stroke-dasharray: none; stroke-width: 2; fill: none; }
.drop text { fill: #d62728; }
.lost line { stroke-dasharray: 1 3; marker-end: none; }
</style>
`
