package store

import "eddy/internal/journal"

// ReadJournal reads the run's network journal (net-journal.jsonl, or its
// .gz after --gzip-store), keeping the events keep accepts (all when keep
// is nil); package journal owns the format.
func (d *Dir) ReadJournal(keep func(journal.Event) bool) (journal.Journal, error) {
	r, closeFile, err := d.openMaybeGzipped(journal.FileName)
	if err != nil {
		return journal.Journal{}, err
	}
	defer closeFile()
	return journal.Read(r, keep, 0)
}
