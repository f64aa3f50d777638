package edn

import (
	"strings"
	"unicode/utf8"
)

// DefaultWidth is the line width fipp uses by default, and so the width of
// Jepsen's logged and stored results.
const DefaultWidth = 70

// The layout is a small Wadler-style document, shaped exactly like the one
// fipp's EDN printer builds:
//
//	collection = group(open, align(item, sep, item, …), close)
//	map entry  = span(key, " ", value)      — never broken inside
//	sep        = line (seqs, sets, vectors) or span(",", line) (maps)
//
// A line prints as one space when its innermost enclosing group is laid out
// flat, and as a newline plus indentation to the current alignment column
// otherwise. A group is flat when, printed flat, it would end at or before
// the width; the separator that follows it does not count.
type layoutNode interface{}

type (
	textNode  string
	lineNode  struct{}
	spanNode  []layoutNode
	groupNode []layoutNode
	alignNode []layoutNode
)

// toLayout builds the layout document for v.
func toLayout(v Value) layoutNode {
	if text, ok := scalarText(v); ok {
		return textNode(text)
	}
	switch x := v.(type) {
	case JSON:
		return toLayout(FromJSON(x, 0))
	case Vector:
		return collection("[", []Value(x), "]")
	case List:
		return collection("(", []Value(x), ")")
	case Set:
		return collection("#{", []Value(x), "}")
	case Map:
		return mapLayout("{", x)
	case Record:
		// fipp prints a record as a tagged literal: "#" and the class name,
		// then the map itself, so fields align just after the brace.
		return groupNode{textNode("#" + x.Tag), mapLayout("{", x.Fields)}
	}
	return textNode("nil")
}

func collection(open string, items []Value, close string) layoutNode {
	body := make(alignNode, 0, 2*len(items))
	for i, item := range items {
		if i > 0 {
			body = append(body, lineNode{})
		}
		body = append(body, toLayout(item))
	}
	return groupNode{textNode(open), body, textNode(close)}
}

func mapLayout(open string, m Map) layoutNode {
	body := make(alignNode, 0, 2*len(m))
	for i, e := range m {
		if i > 0 {
			body = append(body, spanNode{textNode(","), lineNode{}})
		}
		body = append(body, spanNode{toLayout(e.Key), textNode(" "), toLayout(e.Val)})
	}
	return groupNode{textNode(open), body, textNode("}")}
}

// layoutPrinter carries the output and the cursor while laying out.
type layoutPrinter struct {
	out   strings.Builder
	col   int
	tabs  []int
	width int
}

func (p *layoutPrinter) indent() int {
	if len(p.tabs) == 0 {
		return 0
	}
	return p.tabs[len(p.tabs)-1]
}

func (p *layoutPrinter) render(n layoutNode, flat bool) {
	switch x := n.(type) {
	case textNode:
		p.out.WriteString(string(x))
		p.col += utf8.RuneCountInString(string(x))
	case lineNode:
		if flat {
			p.out.WriteByte(' ')
			p.col++
			return
		}
		p.out.WriteByte('\n')
		p.out.WriteString(strings.Repeat(" ", p.indent()))
		p.col = p.indent()
	case spanNode:
		for _, c := range x {
			p.render(c, flat)
		}
	case alignNode:
		p.tabs = append(p.tabs, p.col)
		for _, c := range x {
			p.render(c, flat)
		}
		p.tabs = p.tabs[:len(p.tabs)-1]
	case groupNode:
		fits := flat || fitsWithin(x, p.width-p.col)
		for _, c := range x {
			p.render(c, fits)
		}
	}
}

// fitsWithin reports whether n, printed flat, takes at most room columns. It
// stops measuring as soon as the answer is known, so a huge collection costs
// no more than the width.
func fitsWithin(n layoutNode, room int) bool {
	return flatWidth(n, room) <= room
}

// flatWidth measures n printed flat, giving up (returning limit+1) once it
// exceeds limit.
func flatWidth(n layoutNode, limit int) int {
	switch x := n.(type) {
	case textNode:
		return utf8.RuneCountInString(string(x))
	case lineNode:
		return 1
	case spanNode:
		return sumWidths(x, limit)
	case alignNode:
		return sumWidths(x, limit)
	case groupNode:
		return sumWidths(x, limit)
	}
	return 0
}

func sumWidths(children []layoutNode, limit int) int {
	total := 0
	for _, c := range children {
		total += flatWidth(c, limit-total)
		if total > limit {
			return limit + 1
		}
	}
	return total
}

// Pretty lays v out as fipp does at the given width. The result has no
// trailing newline.
func Pretty(v Value, width int) string {
	p := &layoutPrinter{width: width}
	p.render(toLayout(v), false)
	return p.out.String()
}

// Compact prints v on one line, as Clojure's pr-str does.
func Compact(v Value) string {
	p := &layoutPrinter{}
	p.render(toLayout(v), true)
	return p.out.String()
}
