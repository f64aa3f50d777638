// Package edn builds EDN documents and prints them the way Maelstrom's
// Clojure side prints its results, so eddy's output can be compared with real
// Maelstrom output line by line.
//
// The contract:
//
//   - A document is a tree of Value nodes. Collections keep the order they
//     are given in: the caller decides key order, because Clojure's printed
//     order is an artefact of which map type produced it (array maps keep
//     insertion order, hash maps follow their hash trie, sorted maps sort).
//     HashMapOrder reproduces the hash-trie order for keyword and string keys.
//   - Pretty lays a document out exactly as fipp's EDN printer does at a given
//     width (Jepsen logs its results with fipp at width 70): a collection is
//     printed on one line if it ends within the width, otherwise every one of
//     its elements starts a new line aligned after the opening bracket.
//   - Compact prints the one-line form Clojure's pr-str produces.
//   - Numbers print as Java prints them: floats through FormatFloat32 and
//     FormatFloat64, which follow Float.toString and Double.toString.
//   - JSON renders the same tree as JSON, for machine consumers.
//
// The package is pure: no I/O, no goroutines, no global state.
package edn
