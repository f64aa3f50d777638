// Package history holds eddy's record of a run: the operations clients
// invoked and how each one completed, in one global order.
//
// The contract: a History is append-only while a run is live and read-only
// afterwards. Indices are dense (0, 1, 2, …) and equal to an op's position,
// because the set-full checker compares operations by index. Times are
// nanoseconds since the run's relative clock started (just before topology),
// exactly as Jepsen records them. An op's Value has one type per kind of
// op (Element, Read, EDN, Isolated, or nil), so no reader decodes a
// generic tree.
package history
