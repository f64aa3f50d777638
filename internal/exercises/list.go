package exercises

// All is every exercise of docs/DESIGN.md, with what its answer says.
var All = []Exercise{
	{
		Number: 1, Title: "Forget one lock",
		Steps: []Step{{
			Patch:    "1-forget-a-lock.patch",
			Command:  []string{"go", "test", "-race", "-count=1", "-run", "^TestMutexServer$", "./internal/walkthrough/"},
			Failing:  []string{"TestMutexServer"},
			Contains: []string{"WARNING: DATA RACE", "rumor/internal/walkthrough.(*mutexServer).handle()", "race detected during execution of test"},
		}, {
			Command: []string{"go", "test", "-count=1", "-run", "^TestMutexServer$", "./internal/walkthrough/"},
			Pass:    true,
		}},
	},
	{
		Number: 2, Title: "Invent an event",
		Steps: []Step{{
			Patch:    "2-invent-an-event.patch",
			Command:  []string{"go", "build", "./internal/walkthrough/"},
			Contains: []string{"Poke does not implement actor.Event (unexported method isEvent)"},
		}},
	},
	{
		Number: 3, Title: "Answer reads in the reader",
		Steps: []Step{{
			Patch:    "3-read-outside-the-owner.patch",
			Command:  []string{"go", "test", "-race", "-count=1", "-run", "^TestRunAnswersEveryLine$", "./internal/shell/"},
			Failing:  []string{"TestRunAnswersEveryLine"},
			Contains: []string{"WARNING: DATA RACE", "rumor/actor.(*Node).Values()", "rumor/actor.(*valueStore).add()", "bufio.(*Writer)", "race detected during execution of test"},
		}, {
			Patch:    "3b-lock-the-node.patch",
			Command:  []string{"go", "test", "-race", "-count=1", "-run", "^TestRunAnswersEveryLine$", "./internal/shell/"},
			Failing:  []string{"TestRunAnswersEveryLine"},
			Contains: []string{"WARNING: DATA RACE", "bufio.(*Writer)", "rumor/internal/shell.(*writer).handle()", "race detected during execution of test"},
			Lacks:    []string{"rumor/actor.(*Node).Values()", "rumor/actor.(*valueStore)"},
		}},
	},
	{
		Number: 4, Title: "Buffer the event channel",
		Steps: []Step{{
			Patch:   "4-buffer-the-events.patch",
			Command: []string{"go", "test", "-count=20", "-run", "^TestPushedEventsAreNotDroppedByStop$", "./actor/"},
			Failing: []string{"TestPushedEventsAreNotDroppedByStop"},
			// At most 64 events wait in the buffer when Stop is taken, so
			// at least 37 of the 101 were applied, and never all.
			Figures: []Figure{{Pattern: `applied (\d+) events, stored \d+ values; want 101 and 100`, Min: 37, Max: 100}},
		}},
	},
	{
		Number: 5, Title: "A plain ticker",
		Steps: []Step{{
			Patch:    "5-a-plain-ticker.patch",
			Command:  []string{"go", "test", "-count=1", "-run", "^(TestIdleLoopSleeps|TestLoopWakesOnlyWhenDue)$", "./actor/"},
			Failing:  []string{"TestIdleLoopSleeps", "TestLoopWakesOnlyWhenDue"},
			Contains: []string{"24 peers: an idle node stepped 360000 ticks in an hour (woke 360000 times)"},
		}},
	},
	{
		Number: 6, Title: "Hand out the state",
		Steps: []Step{{
			Patch:    "6-hand-out-the-state.patch",
			Command:  []string{"go", "test", "-race", "-count=1", "-run", "^ExampleAskTheActor$", "./internal/walkthrough/"},
			Failing:  []string{"ExampleAskTheActor"},
			Contains: []string{"changing the copy leaves the owner's values as they were: false"},
			Lacks:    []string{"DATA RACE"},
		}},
	},
	{
		Number: 7, Title: "Recover and carry on",
		Steps: []Step{{
			Patch:    "7-recover-and-carry-on.patch",
			Command:  []string{"go", "test", "-race", "-count=1", "-run", "^TestPanicInStepEndsTheProcess$", "./internal/walkthrough/"},
			Failing:  []string{"TestPanicInStepEndsTheProcess"},
			Contains: []string{"child ended with <nil>, want exit status 2", "the node answered a read after its step panicked"},
		}},
	},
	{
		Number: 8, Title: "Replay a seed",
		Steps: []Step{{
			Command: []string{"go", "test", "-count=1", "./internal/sim", "-run", "^TestSimSeeds$", "-seed=7", "-simtrace=$SCRATCH/first.trace"},
			Pass:    true,
		}, {
			Command: []string{"go", "test", "-count=1", "./internal/sim", "-run", "^TestSimSeeds$", "-seed=7", "-simtrace=$SCRATCH/second.trace"},
			Pass:    true,
			Same:    [2]string{"first.trace", "second.trace"},
		}},
	},
	{
		Number: 9, Title: "Push without its done case",
		Steps: []Step{{
			Patch:    "9-push-without-done.patch",
			Command:  []string{"go", "test", "-count=1", "-run", "^TestStopIsIdempotentAndPushNeverBlocksAfterIt$", "./actor/"},
			Failing:  []string{"TestStopIsIdempotentAndPushNeverBlocksAfterIt"},
			Contains: []string{"panic: deadlock: all goroutines in bubble are blocked", "[chan send (durable), synctest bubble", "rumor/actor.(*Loop).Push("},
		}, {
			// The variant: Push restored, shell.Run no longer closes stdin.
			Patch:    "9b-keep-stdin-open.patch",
			Fresh:    true,
			Command:  []string{"go", "test", "-count=1", "-run", "^TestCancelStopsNodeWithStdinOpen$", "."},
			Failing:  []string{"TestCancelStopsNodeWithStdinOpen"},
			Contains: []string{"panic: deadlock: all goroutines in bubble are blocked", "rumor/internal/shell.Run(", "rumor/internal/lines.(*Ahead).Read(", "io.(*pipe).read("},
		}},
	},
}
