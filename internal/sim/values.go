package sim

import (
	"fmt"

	"rumor/messages"
)

// nextValue returns the value of the next broadcast: usually a fresh integer,
// as Maelstrom sends, and with OddPercent chance some other JSON value. Odd
// values may respell an earlier one ({"a":1,"b":2} and { "b" : 2, "a" : 1 },
// 1.50 and 1.5, -0 and 0), which is a legal repeat broadcast: the node must
// treat the two as one value and a read must return it once.
func (w *workload) nextValue() messages.Value {
	if w.s.rng.IntN(100) >= w.s.sc.OddPercent {
		w.nextInt++
		return messages.IntValue(w.nextInt - 1)
	}
	k := w.s.rng.Int64N(w.nextInt + 1) // any integer already used, or the next
	var raw string
	switch w.s.rng.IntN(10) {
	case 0:
		raw = fmt.Sprintf(`"v%d"`, k)
	case 1:
		raw = fmt.Sprintf(`%d.5`, k)
	case 2:
		raw = fmt.Sprintf(`%d.50e0`, k)
	case 3:
		raw = fmt.Sprintf(`{"k":%d,"a":[true,null]}`, k)
	case 4:
		raw = fmt.Sprintf(` { "a" : [ true , null ] , "k" : %d } `, k)
	case 5:
		raw = fmt.Sprintf(`[%d,"x\u00e9\n"]`, k)
	case 6:
		raw = fmt.Sprintf(`1000000000000000000000%d`, k)
	case 7:
		raw = `-0` // the integer 0
	case 8:
		raw = pick(w.s.rng, []string{`null`, `true`, `false`, `""`, `[]`, `{}`})
	default:
		raw = fmt.Sprint(k) // an integer broadcast again
	}
	v, err := messages.ParseValue([]byte(raw))
	if err != nil {
		panic(fmt.Sprintf("sim: value %s does not parse: %v", raw, err))
	}
	return v
}
