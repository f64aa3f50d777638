package store

import (
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"

	"eddy/internal/journal"
)

// Gzipped are the run directory's big text files, which eddy's
// --gzip-store compresses once the run is over. Every read's whole result
// appears in both histories and in the log, so at 25 nodes and 100 ops/s
// these hold most of a run's bytes.
var Gzipped = []string{HistoryTxtFile, HistoryEDNFile, LogFile, journal.FileName}

// Gzip compresses the named files of the run directory in place: each
// becomes name.gz and the original is removed once the copy is complete.
// Files that do not exist are skipped. Text such as the histories and the
// network journal shrinks about tenfold.
func (d *Dir) Gzip(names ...string) error {
	var errs []error
	for _, name := range names {
		if err := gzipFile(d.File(name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func gzipFile(path string) (err error) {
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(path + ".gz")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = os.Remove(path + ".gz") // never leave a half copy beside the file
		}
	}()
	z := gzip.NewWriter(out)
	if _, err = io.Copy(z, in); err != nil {
		out.Close()
		return err
	}
	if err = z.Close(); err != nil {
		out.Close()
		return err
	}
	if err = out.Close(); err != nil {
		return err
	}
	return os.Remove(path)
}
