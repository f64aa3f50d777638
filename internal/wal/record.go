package wal

import (
	"encoding/binary"
	"hash/crc32"
)

// A record on disk: marker, payload length, checksum, payload.
//
// The marker lets recovery find the next record after damage without
// checksumming at every byte offset: it starts with 0xF5, a byte that valid
// UTF-8 never holds, and payloads are mostly values' canonical JSON text,
// which is valid UTF-8. The checksum covers the length as well as the
// payload, so a damaged length is caught too.
const (
	marker0, marker1 = 0xF5, 0x57
	headerSize       = 2 + 4 + 4
	// maxPayload bounds one record's payload. Appends cut their values into
	// records of about maxRecordValues bytes (a larger value alone, and
	// values are at most 16 MiB), so anything longer is damage.
	maxPayload = 32 << 20
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// appendRecord frames payload as one record and appends it to b.
func appendRecord(b, payload []byte) []byte {
	var h [headerSize]byte
	h[0], h[1] = marker0, marker1
	binary.LittleEndian.PutUint32(h[2:6], uint32(len(payload)))
	crc := crc32.Update(0, castagnoli, h[2:6])
	crc = crc32.Update(crc, castagnoli, payload)
	binary.LittleEndian.PutUint32(h[6:10], crc)
	return append(append(b, h[:]...), payload...)
}

// recordStatus is what readRecord found at an offset.
type recordStatus int

const (
	recordOK    recordStatus = iota
	recordShort              // the data ends before the record does
	recordBad                // not a record: wrong marker, absurd length, or a failed checksum
)

// readRecord reads the record at data[pos:], returning its payload and the
// offset after it when it is whole and valid.
func readRecord(data []byte, pos int) (payload []byte, next int, status recordStatus) {
	rest := data[pos:]
	if len(rest) < headerSize {
		// Too short to judge by its checksum; whatever marker bytes there are
		// must still be right, or this is not the start of a record at all.
		if (len(rest) > 0 && rest[0] != marker0) || (len(rest) > 1 && rest[1] != marker1) {
			return nil, 0, recordBad
		}
		return nil, 0, recordShort
	}
	if rest[0] != marker0 || rest[1] != marker1 {
		return nil, 0, recordBad
	}
	n := binary.LittleEndian.Uint32(rest[2:6])
	if n > maxPayload {
		return nil, 0, recordBad
	}
	if uint64(len(rest)) < headerSize+uint64(n) {
		return nil, 0, recordShort
	}
	payload = rest[headerSize : headerSize+int(n)]
	crc := crc32.Update(0, castagnoli, rest[2:6])
	crc = crc32.Update(crc, castagnoli, payload)
	if crc != binary.LittleEndian.Uint32(rest[6:10]) {
		return nil, 0, recordBad
	}
	return payload, pos + headerSize + int(n), recordOK
}
