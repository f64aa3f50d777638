// Package lines splits a stream into newline-terminated lines the way
// Maelstrom's Java reader does: "\n" or "\r\n" ends a line, a final line
// without a newline still counts at end of input, and lines may be megabytes
// long. A line longer than the reader's limit is skipped whole and reported,
// so one absurd line costs neither the process nor the lines after it.
package lines
