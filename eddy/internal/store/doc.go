// Package store lays out a run's files the way Jepsen does (§9.2):
// store/<test name>/<start time>/ relative to the working directory, with
// the symlinks store/current, store/latest and store/<test name>/latest.
//
// The contract: Create makes the run directory and points store/current at
// it; MarkLatest points the two latest links at it once the run is written.
// Links are relative, so a store directory can be moved or archived whole.
// WriteHistory writes history.txt and history.edn in Jepsen's layouts.
package store
