package proc

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// CheckBin reports why bin cannot be launched as a node, or nil: it must
// exist (following symlinks), be a regular file and be executable by
// someone. The message names bin as given, not a resolved path.
func CheckBin(bin string) error {
	info, err := os.Stat(bin)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file", bin)
	case err != nil:
		return fmt.Errorf("%s: %v", bin, errors.Unwrap(err))
	case info.IsDir():
		return fmt.Errorf("%s is a directory, not a node binary", bin)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file", bin)
	case info.Mode().Perm()&0o111 == 0:
		return fmt.Errorf("%s is not executable", bin)
	}
	return nil
}
