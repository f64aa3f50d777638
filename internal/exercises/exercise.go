package exercises

// Exercise is one exercise of DESIGN.md and the facts its answer states.
type Exercise struct {
	// Number is the exercise's number in DESIGN.md's list.
	Number int
	// Title is its bold title there, without the number.
	Title string
	// Steps run in order, in one scratch copy.
	Steps []Step
}

// Step is one command of an exercise, and what the answer says it does.
type Step struct {
	// Patch, a file in docs/exercises, is applied before the command, on
	// top of the patches of earlier steps; empty applies nothing.
	Patch string
	// Fresh starts this step from a clean copy of the module, without the
	// patches of the steps before it (a variant, not a next step).
	Fresh bool
	// Command runs in the scratch copy's root. $SCRATCH in an argument
	// stands for that directory's path.
	Command []string
	// Pass says the command must succeed; otherwise it must fail.
	Pass bool
	// Failing lists exactly the tests that must fail (top-level names,
	// from go test's "--- FAIL:" lines), in any order.
	Failing []string
	// Contains are strings the output must hold; Lacks, strings it must
	// not.
	Contains, Lacks []string
	// Figures are numbers in the output that vary from run to run, each
	// checked against the range the answer gives.
	Figures []Figure
	// Same names two files, relative to the scratch copy, that the
	// command must leave identical.
	Same [2]string
}

// Figure is a number in the output that the answer gives as a range: every
// match of Pattern (a regular expression with one group, the number) must
// lie within [Min, Max], and there must be at least one.
type Figure struct {
	Pattern  string
	Min, Max int
}
