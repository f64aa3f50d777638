// Package exercises checks the answers of docs/DESIGN.md's exercises, so
// that an answer that drifts from the code fails CI instead of misleading
// the next reader.
//
// Each Exercise is a list of Steps. A step may apply a patch from
// docs/exercises (on top of the patches of the steps before it), then runs
// one command in a scratch copy of the module and compares what it did
// with what the answer in DESIGN.md says: whether it failed, exactly which
// tests failed, lines the output must and must not hold, numbers that vary
// from run to run (checked against a range, never an exact value), and
// files that must come out identical. The working tree is never touched.
//
// make exercises runs them all (go test ./internal/exercises -exercises -v);
// without -exercises, go test checks only the runner itself.
package exercises
