// Package store lays out a run's files the way Jepsen does (§9.2) and owns
// every data file eddy writes there: a typed writer and a reader for each,
// on *Dir, so a figure is read back under the name it was written with.
//
//	run.json          RunRecord          WriteRun / ReadRun
//	results.edn       *checker.Results   WriteResults (with results.json) / — (read results.json)
//	results.json      *checker.Results   WriteResults / ReadResults
//	history.txt       history.History    WriteHistory (with history.edn) / — (read history.edn)
//	history.edn       history.History    WriteHistory / ReadHistory
//	limit.json        LimitFigures       WriteLimit / ReadLimit
//	cost.json         analysis.Cost      WriteCost / ReadCost
//	faults.json       analysis.Faults    WriteFaults / ReadFaults
//	lag.json          analysis.Lag       WriteLag / ReadLag
//	jepsen.log        console lines      CreateLog / ReadEnding
//	node-logs/<id>.log  stderr lines     NodeLog (the path proc appends to) / ReadNodeLogs
//
// The network journal, net-journal.jsonl, belongs to package journal (the
// network writes it as it runs; ReadJournal reads it, plain or gzipped);
// the page and its pictures to package report. results.edn and
// history.txt are for people: each has a twin that a program reads back.
//
// The layout: store/<test name>/<start time>/ relative to the working
// directory, with the symlinks store/current, store/latest and
// store/<test name>/latest. Create makes the run directory and points
// store/current at it; MarkLatest points the two latest links at it once
// the run is written; At opens a directory some run wrote, to read it.
// Links are relative, so a store directory can be moved or archived whole.
// Gzip compresses the big text files (Gzipped) in place; the history and
// log readers read either form.
package store
