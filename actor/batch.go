package actor

import "rumor/messages"

// maxBatchBytes and maxBatchValues bound one gossip message. A peer reads
// lines of up to messages.MaxLineBytes (64 MiB) holding up to
// messages.MaxGossipValues (1 Mi) values; a batch stays 64 times under both,
// so a backlog of any size (a long partition's) drains in many messages the
// peer can read, and no value waits behind another that could not travel.
// A value bigger than maxBatchBytes (values go up to messages.MaxValueBytes,
// 16 MiB) travels alone, still four times under the line limit.
const (
	maxBatchBytes  = 1 << 20
	maxBatchValues = 1 << 14
)

// batchEnd returns where the batch that starts at vs[start] ends: as many
// values as fit the bounds, and always at least one.
func batchEnd(vs []messages.Value, start int) int {
	size := vs[start].Size()
	end := start + 1
	for end < len(vs) && end-start < maxBatchValues {
		size += 1 + vs[end].Size() // the comma, then the value
		if size > maxBatchBytes {
			break
		}
		end++
	}
	return end
}
