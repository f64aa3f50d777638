// Package timer is eddy's precise wake-up service: reusable one-shot
// alarms on a caller's clock, all served by one timer goroutine over a
// deadline heap.
//
// Why it exists: Go's timers sleep in epoll_wait once the runtime is idle,
// whose timeout is whole milliseconds, so a delivery due in 0.3 ms wakes
// 0.5–1 ms late. With precise set, the goroutine sleeps in ppoll(2) on an
// eventfd instead (Linux), which keeps nanosecond timeouts: wake-ups then
// leave about 0.1 ms after their deadline. Without it (and on other
// platforms) it sleeps on a Go timer, which is what a synctest bubble's
// fake clock follows.
//
// The contract: times are nanoseconds on the clock given to New, which
// must never go backwards. An alarm is never woken before its deadline
// (the goroutine checks the clock before waking it). The goroutine is the
// only one the package starts: it runs while some alarm is armed and ends
// when none is, so a Service needs no Close; whoever arms an alarm owns the
// goroutine's life. All methods are safe for concurrent use.
package timer
