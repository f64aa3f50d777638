//go:build !linux

package proc

import "syscall"

// sysProcAttr puts the child in its own process group so Stop can kill
// anything it spawned too.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
