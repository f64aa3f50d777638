// Package journal owns net-journal.jsonl, the network journal of a run:
// one JSON object per line for every accepted send, every delivery and
// every message a partition dropped, plus one clock-zero line.
//
//	{"t":2649516,"ev":"send","id":0,"src":"c0","dest":"n1","type":"init","due":2649516}
//	{"t":2660192,"ev":"recv","id":0,"src":"c0","dest":"n1","type":"init"}
//	{"t":5100320,"ev":"clock-zero"}
//	{"t":9912032,"ev":"drop","id":51,"src":"n2","dest":"n3","type":"gossip","dropped":true}
//
// t is nanoseconds since the network was made (monotonic); the clock-zero
// line gives the t that is history time 0.
//
// The contract: Writer writes exactly these lines, in the order it is
// given events, without reflection or allocation per event (the network
// calls it under its lock for every message); it is not safe for
// concurrent use. Read reads them back into the same Event type, with t
// moved to history time, so a renamed field cannot be written one way and
// read another.
package journal
