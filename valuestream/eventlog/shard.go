package eventlog

import (
	"bytes"
	"encoding/binary"
)

// shardOf returns the shard, of n, of the case whose id is id. Unlike the
// partitions' hash (hashSeed), it is fixed: every shard of an analysis,
// each perhaps in its own process or Web Worker, must put a case in the
// same shard. It multiplies only 64-bit words, with no 128-bit product:
// js/wasm has no instruction for one, and bits.Mul64 there made skipping a
// row cost a third more.
func shardOf(id []byte, n int) int {
	const k1, k2, k3 = 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9, 0x94d049bb133111eb
	var h uint64
	if k, ok := caseKeyOf(id); ok {
		h = (k.lo ^ k3) * k1
		h = (h ^ h>>29 ^ k.hi) * k2
	} else {
		h = uint64(len(id)) * k3
		for ; len(id) >= 8; id = id[8:] {
			h = (h ^ binary.LittleEndian.Uint64(id)) * k1
			h ^= h >> 29
		}
		for i, c := range id {
			h ^= uint64(c) << (8 * i)
		}
		h *= k2
	}
	h ^= h >> 32
	h *= k1
	// The high 32 bits of h times n are uniform in [0, n), with no division.
	return int((h >> 32) * uint64(n) >> 32)
}

// A row belongs to the shard of its case id. A row without one (an
// unterminated quote, fewer fields than the case column's index) belongs
// to shard 0, so that exactly one shard reports each malformed row.

// fieldsShard returns the shard of a row split into fields; ok is false
// when it could not be split.
func (e *engine) fieldsShard(fields [][]byte, ok bool) int {
	if !ok || len(fields) <= e.ci {
		return 0
	}
	return shardOf(fields[e.ci], e.shards)
}

// plainShard returns the shard of a row without quotes, finding its case
// id without splitting the rest of the row: a shard skips most rows.
func (e *engine) plainShard(line []byte) int {
	for range e.ci {
		i := bytes.IndexByte(line, e.delim)
		if i < 0 {
			return 0
		}
		line = line[i+1:]
	}
	if i := bytes.IndexByte(line, e.delim); i >= 0 {
		line = line[:i]
	}
	return shardOf(line, e.shards)
}
