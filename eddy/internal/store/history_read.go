package store

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"eddy/internal/edn"
	"eddy/internal/history"
)

// ReadHistory reads history.edn (or history.edn.gz, after --gzip-store)
// back into the ops WriteHistory wrote. Every field history.edn prints
// comes back; the node each client op went to does not, since
// history.edn keeps Maelstrom's exact format and Maelstrom does not print
// it. A value is read by what the op is: a broadcast's element; a read's
// array (an entry that is not an integer comes back as the JSON the node
// sent, in canonical form); for the nemesis, a grudge ([:isolated {…}]),
// what a process fault did to each node ({"n1" :killed, …}), or other EDN
// text.
func (d *Dir) ReadHistory() (history.History, error) {
	r, closeFile, err := d.openMaybeGzipped(HistoryEDNFile)
	if err != nil {
		return nil, err
	}
	defer closeFile()
	var h history.History
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for line := 1; sc.Scan(); line++ {
		op, err := opOfEDN(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", HistoryEDNFile, line, err)
		}
		h = append(h, op)
	}
	return h, sc.Err()
}

// openMaybeGzipped opens name in the run directory, or name.gz through a
// gzip reader when only that exists.
func (d *Dir) openMaybeGzipped(name string) (io.Reader, func(), error) {
	f, err := os.Open(d.File(name))
	if err == nil {
		return f, func() { f.Close() }, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	}
	gz, gzErr := os.Open(d.File(name + ".gz"))
	if gzErr != nil {
		return nil, nil, err
	}
	z, err := gzip.NewReader(gz)
	if err != nil {
		gz.Close()
		return nil, nil, err
	}
	return z, func() { z.Close(); gz.Close() }, nil
}

// historyTypes maps an op's :type keyword to the history's type.
var historyTypes = map[edn.Keyword]history.Type{"invoke": history.Invoke, "ok": history.OK, "fail": history.Fail, "info": history.Info}

// opOfEDN reads one history.edn line.
func opOfEDN(line string) (history.Op, error) {
	v, err := edn.Parse(line)
	if err != nil {
		return history.Op{}, err
	}
	m, ok := v.(edn.Map)
	if !ok {
		return history.Op{}, fmt.Errorf("not a map: %s", line)
	}
	var op history.Op
	var value edn.Value = edn.Nil{}
	for _, e := range m {
		key, _ := e.Key.(edn.Keyword)
		switch key {
		case "index":
			op.Index, err = intOf(key, e.Val)
		case "time":
			var t int
			t, err = intOf(key, e.Val)
			op.Time = int64(t)
		case "type":
			k, _ := e.Val.(edn.Keyword)
			if op.Type, ok = historyTypes[k]; !ok {
				err = fmt.Errorf(":type %s", edn.Compact(e.Val))
			}
		case "process":
			if e.Val == edn.Keyword("nemesis") {
				op.Process = history.NemesisProcess
			} else {
				op.Process, err = intOf(key, e.Val)
			}
		case "f":
			k, _ := e.Val.(edn.Keyword)
			op.F = string(k)
		case "value":
			value = e.Val
		case "final?":
			op.Final = e.Val == edn.Bool(true)
		case "exception":
			s, _ := e.Val.(edn.String)
			op.Exception = string(s)
		case "error":
			op.Error = edn.Compact(e.Val)
		default:
			err = fmt.Errorf("unknown key %s", edn.Compact(e.Key))
		}
		if err != nil {
			return history.Op{}, err
		}
	}
	if op.Value, err = historyValueOf(op, value); err != nil {
		return history.Op{}, err
	}
	return op, nil
}

func intOf(key edn.Keyword, v edn.Value) (int, error) {
	n, ok := v.(edn.Int)
	if !ok {
		return 0, fmt.Errorf(":%s %s is not an integer", key, edn.Compact(v))
	}
	return int(n), nil
}

// historyValueOf reads an op's :value by what the op is (see ReadHistory).
func historyValueOf(op history.Op, v edn.Value) (history.Value, error) {
	if _, none := v.(edn.Nil); none {
		return nil, nil
	}
	switch {
	case op.IsClient() && op.F == history.FBroadcast:
		e, ok := v.(edn.Int)
		if !ok {
			return nil, fmt.Errorf("broadcast value %s", edn.Compact(v))
		}
		return history.Element(e), nil
	case op.IsClient() && op.F == history.FRead:
		items, ok := v.(edn.Vector)
		if !ok {
			return nil, fmt.Errorf("read value %s", edn.Compact(v))
		}
		read := make(history.Read, len(items))
		for i, item := range items {
			if n, isInt := item.(edn.Int); isInt {
				read[i] = history.ReadItem{Int: int64(n)}
				continue
			}
			raw, err := jsonOfEDN(item)
			if err != nil {
				return nil, err
			}
			read[i] = history.ReadItem{Raw: raw}
		}
		return read, nil
	}
	text := edn.Compact(v)
	if g, ok := grudgeOf(v); ok {
		return history.Isolated{Drops: g, Text: text}, nil
	}
	if of, ok := outcomesOf(v); ok {
		return history.Outcomes{Of: of, Text: text}, nil
	}
	return history.EDN(text), nil
}

// grudgeOf reads [:isolated {"n2" #{"n1" …}, …}].
func grudgeOf(v edn.Value) (map[string][]string, bool) {
	vec, ok := v.(edn.Vector)
	if !ok || len(vec) != 2 || vec[0] != edn.Keyword("isolated") {
		return nil, false
	}
	m, ok := vec[1].(edn.Map)
	if !ok {
		return nil, false
	}
	drops := make(map[string][]string, len(m))
	for _, e := range m {
		dest, ok1 := e.Key.(edn.String)
		set, ok2 := e.Val.(edn.Set)
		if !ok1 || !ok2 {
			return nil, false
		}
		srcs := []string{}
		for _, s := range set {
			src, ok := s.(edn.String)
			if !ok {
				return nil, false
			}
			srcs = append(srcs, string(src))
		}
		slices.Sort(srcs) // history.Isolated keeps them sorted; the text keeps Clojure's order
		drops[string(dest)] = srcs
	}
	return drops, true
}

// outcomesOf reads {"n1" :killed, …}.
func outcomesOf(v edn.Value) (map[string]string, bool) {
	m, ok := v.(edn.Map)
	if !ok {
		return nil, false
	}
	of := make(map[string]string, len(m))
	for _, e := range m {
		node, ok1 := e.Key.(edn.String)
		outcome, ok2 := e.Val.(edn.Keyword)
		if !ok1 || !ok2 {
			return nil, false
		}
		of[string(node)] = string(outcome)
	}
	return of, true
}

// jsonOfEDN turns the Clojure data a JSON value printed as back into
// compact JSON: maps become objects (string keys), vectors arrays, nil
// null, numbers their own text.
func jsonOfEDN(v edn.Value) (json.RawMessage, error) {
	var b bytes.Buffer
	var walk func(edn.Value) error
	walk = func(v edn.Value) error {
		switch x := v.(type) {
		case edn.Nil:
			b.WriteString("null")
		case edn.Bool, edn.Int, edn.Raw:
			b.WriteString(edn.Compact(x))
		case edn.String:
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(string(x)); err != nil {
				return err
			}
			b.Truncate(b.Len() - 1) // Encode's newline
		case edn.Vector:
			b.WriteByte('[')
			for i, item := range x {
				if i > 0 {
					b.WriteByte(',')
				}
				if err := walk(item); err != nil {
					return err
				}
			}
			b.WriteByte(']')
		case edn.Map:
			b.WriteByte('{')
			for i, e := range x {
				key, ok := e.Key.(edn.String)
				if !ok {
					return fmt.Errorf("read entry: key %s is not a string", edn.Compact(e.Key))
				}
				if i > 0 {
					b.WriteByte(',')
				}
				if err := walk(key); err != nil {
					return err
				}
				b.WriteByte(':')
				if err := walk(e.Val); err != nil {
					return err
				}
			}
			b.WriteByte('}')
		default:
			return fmt.Errorf("read entry %s is not JSON data", edn.Compact(v))
		}
		return nil
	}
	if err := walk(v); err != nil {
		return nil, err
	}
	return json.RawMessage(b.Bytes()), nil
}
