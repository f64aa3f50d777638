// Package wal is rumor's log of accepted values: what a node writes before
// it acknowledges a value, and reads back when it is restarted.
//
// The contract:
//
//   - A log is one file: an 8-byte magic, a header record naming the node
//     and the test it belongs to, then one record per append holding the
//     values of that append. Every record is framed as a 2-byte marker, a
//     4-byte little-endian payload length, the CRC-32C (Castagnoli) of the
//     length and the payload, then the payload, so a record is either read
//     back whole and exact or recognised as damaged.
//   - Decode reads any bytes without panicking. Every complete, valid
//     record before the first damaged byte is recovered, in order. A
//     damaged record at the end of the data (a write that a kill cut short:
//     too short, or failing its CRC with nothing valid after it) is torn:
//     dropped, and everything before it kept. Damage with valid records
//     after it is corruption: reported, the damaged bytes skipped up to the
//     next valid record (resynchronisation, which the marker makes cheap),
//     and the records on both sides kept.
//   - Open recovers a log and leaves it ready for appends: a torn tail is
//     truncated away, and a corrupt log is rewritten compactly (header and
//     every recovered value, nothing else), so a node that restarts twice
//     never meets the same damage twice and never crash-loops on it.
//   - Append writes one append's records with one write at the end of the
//     last good record; if the write (or, with sync, the fsync) fails it
//     truncates the file back to that offset and reports the error, so a
//     failed append leaves the log as it was. The log grows only by what is
//     appended: callers append each value once.
//
// The package knows nothing of nodes or Maelstrom; the shell names the file
// and the header, the core decides what to append.
package wal
