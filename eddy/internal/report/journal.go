package report

import "eddy/internal/journal"

// readJournal reads the first limit send/recv/drop events of the journal,
// times on the history clock, leaving out init and init_ok as Maelstrom's
// diagram does; reading stops there, so a long journal costs no more than
// a short one.
func readJournal(path string, limit int) (journal.Journal, error) {
	return journal.ReadFile(path, func(e journal.Event) bool { return e.Type != "init" && e.Type != "init_ok" }, limit)
}
