package edn

import (
	"math/bits"
	"sort"
	"unicode/utf16"
)

// Clojure's printed order of a hash map or hash set is the iteration order of
// its hash array mapped trie: entries sorted by the lowest five bits of their
// hash, ties broken by the next five bits, and so on. It depends only on the
// keys' hashes, never on insertion order, so it can be reproduced exactly
// once the hashes are. Clojure hashes keywords and strings with Murmur3.

const (
	murmurC1 = 0xcc9e2d51
	murmurC2 = 0x1b873593
)

func murmurMixK1(k uint32) uint32 {
	k *= murmurC1
	k = bits.RotateLeft32(k, 15)
	return k * murmurC2
}

func murmurMixH1(h, k uint32) uint32 {
	h ^= k
	h = bits.RotateLeft32(h, 13)
	return h*5 + 0xe6546b64
}

func murmurFinal(h, length uint32) uint32 {
	h ^= length
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

// hashUnencodedChars is Clojure's Murmur3.hashUnencodedChars: it hashes the
// UTF-16 code units of a name two at a time.
func hashUnencodedChars(s string) uint32 {
	u := utf16.Encode([]rune(s))
	var h uint32
	for i := 1; i < len(u); i += 2 {
		h = murmurMixH1(h, murmurMixK1(uint32(u[i-1])|uint32(u[i])<<16))
	}
	if len(u)%2 == 1 {
		h ^= murmurMixK1(uint32(u[len(u)-1]))
	}
	return murmurFinal(h, uint32(2*len(u)))
}

// hashCombine is Clojure's Util.hashCombine on Java ints (note the
// arithmetic right shift).
func hashCombine(seed, hash int32) int32 {
	return seed ^ int32(uint32(hash)+0x9e3779b9+uint32(seed<<6)+uint32(seed>>2))
}

// KeywordHash is the hasheq of the namespace-less keyword :name.
func KeywordHash(name string) uint32 {
	symbol := hashCombine(int32(hashUnencodedChars(name)), 0)
	return uint32(symbol) + 0x9e3779b9
}

// StringHash is the hasheq of a Java string: Murmur3.hashInt of
// String.hashCode.
func StringHash(s string) uint32 {
	var javaHash uint32
	for _, c := range utf16.Encode([]rune(s)) {
		javaHash = javaHash*31 + uint32(c)
	}
	if javaHash == 0 {
		return 0
	}
	return murmurFinal(murmurMixH1(0, murmurMixK1(javaHash)), 4)
}

// trieLess reports whether hash a iterates before hash b in a hash trie.
func trieLess(a, b uint32) bool {
	for shift := 0; shift < 32; shift += 5 {
		x, y := (a>>shift)&31, (b>>shift)&31
		if x != y {
			return x < y
		}
	}
	return false
}

// HashMapOrder sorts keys into the order Clojure iterates a hash map or hash
// set holding them, given each key's hash. Keys whose full hashes collide
// (which Clojure keeps in insertion order) stay in their given order.
func HashMapOrder[K any](keys []K, hash func(K) uint32) {
	type hashed struct {
		key  K
		hash uint32
	}
	hs := make([]hashed, len(keys))
	for i, k := range keys {
		hs[i] = hashed{k, hash(k)}
	}
	sort.SliceStable(hs, func(i, j int) bool { return trieLess(hs[i].hash, hs[j].hash) })
	for i, h := range hs {
		keys[i] = h.key
	}
}
