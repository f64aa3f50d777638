// Package edn builds EDN documents and prints them the way Maelstrom's
// Clojure side prints them, so eddy's console lines, history files, error
// texts and results maps can be compared with real Maelstrom output byte for
// byte.
//
// The contract:
//
//   - A document is a tree of Value nodes; every printed form comes from one.
//     Collections keep the order they are given in: the caller decides key
//     order, because Clojure's printed order is an artefact of which map type
//     produced it (array maps keep insertion order, hash maps follow their
//     hash trie, sorted maps sort). HashMapOrder reproduces the hash-trie
//     order for keyword and string keys.
//   - Compact prints the one-line form Clojure's pr-str produces: vectors
//     with single spaces ([0 9 10]), maps with ", " between entries, nil for
//     JSON null. Quote is the same printer for a lone string.
//   - Pretty lays a document out exactly as fipp's EDN printer does at a given
//     width (Jepsen logs its results with fipp at width 70): a collection is
//     printed on one line if it ends within the width, otherwise every one of
//     its elements starts a new line aligned after the opening bracket.
//   - Numbers print as Java prints them: floats through FormatFloat32 and
//     FormatFloat64, which follow Float.toString and Double.toString.
//   - JSON input reads as Cheshire decodes it (FromJSON, the JSON node), with
//     keys keywordized only at the levels Maelstrom keywordizes; history
//     values and ops read as Jepsen records them (HistoryValue, HistoryOp).
//   - MarshalJSON renders the same tree as JSON, for machine consumers.
//
// The package is pure: no I/O, no goroutines, no global state.
package edn
