package eventlog

import (
	"encoding/binary"
	"fmt"
	"math"
)

// The binary form of a Part, little-endian, unsigned varints (u) and
// zigzag varints (s) of encoding/binary, strings as u length then bytes:
//
//	"SJEP" 2                      magic and version
//	u shard, u shards
//	8 bytes                       the source's fingerprint
//	flags                         bit 0: a line error follows; bit 1: location
//	[line error]                  s line, string column, value, reason
//	u skipped, u n, n × line error
//	u names, each a string        in byte order
//	u variants, each: u cases, u n, n × u activity
//	s first, s last               Unix nanoseconds, when there are variants
//	unit                          0: waits in nanoseconds, 1: in seconds
//	the waits                     in the order of Part.waits, 8 bytes each
//	                              in nanoseconds, 4 in seconds
//
// Waits of whole seconds under 136 years, as most logs have, take 4 bytes
// instead of 8. Fixed widths, not varints: decoding them is a third of
// the merge's time under js/wasm otherwise.
const (
	partMagic   = "SJEP"
	partVersion = 2
)

// MarshalBinary encodes p in the binary form that [Part.UnmarshalBinary]
// reads; it never fails.
func (p *Part) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 64+3*len(p.waits)+8*len(p.variants))
	b = append(b, partMagic...)
	b = append(b, partVersion)
	b = binary.AppendUvarint(b, uint64(p.shard))
	b = binary.AppendUvarint(b, uint64(max(p.shards, 1)))
	b = binary.LittleEndian.AppendUint64(b, p.source)
	var flags byte
	if p.lineErr != nil {
		flags |= 1
	}
	if p.location {
		flags |= 2
	}
	b = append(b, flags)
	if p.lineErr != nil {
		b = appendLineError(b, p.lineErr)
	}
	b = binary.AppendUvarint(b, uint64(p.skipped))
	b = binary.AppendUvarint(b, uint64(len(p.reported)))
	for _, le := range p.reported {
		b = appendLineError(b, le)
	}
	b = binary.AppendUvarint(b, uint64(len(p.names)))
	for _, name := range p.names {
		b = appendString(b, name)
	}
	b = binary.AppendUvarint(b, uint64(len(p.variants)))
	for _, v := range p.variants {
		b = binary.AppendUvarint(b, uint64(v.cases))
		b = binary.AppendUvarint(b, uint64(len(v.acts)))
		for _, a := range v.acts {
			b = binary.AppendUvarint(b, uint64(a))
		}
	}
	if len(p.variants) > 0 {
		b = binary.AppendVarint(b, p.first)
		b = binary.AppendVarint(b, p.last)
	}
	unit := byte(1)
	for _, w := range p.waits {
		if w%1e9 != 0 || w/1e9 > math.MaxUint32 {
			unit = 0
			break
		}
	}
	b = append(b, unit)
	if unit == 1 {
		for _, w := range p.waits {
			b = binary.LittleEndian.AppendUint32(b, uint32(w/1e9))
		}
	} else {
		for _, w := range p.waits {
			b = binary.LittleEndian.AppendUint64(b, uint64(w))
		}
	}
	return b, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendLineError(b []byte, le *LineError) []byte {
	b = binary.AppendVarint(b, le.Line)
	b = appendString(b, le.Column)
	b = appendString(b, le.Value)
	return appendString(b, le.Reason)
}

// UnmarshalBinary decodes a part that [Part.MarshalBinary] encoded,
// replacing p. It checks the bytes as untrusted input: for any that are
// not a part's, of a different version or inconsistent (an activity out of
// range, a case's waits longer than the part's span of time) it returns an
// error wrapping [ErrParts] and leaves p unchanged.
func (p *Part) UnmarshalBinary(data []byte) error {
	d := decoder{b: data}
	q, err := d.part()
	if err != nil {
		return fmt.Errorf("%w: %v", ErrParts, err)
	}
	*p = *q
	return nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *decoder) byte() byte {
	if d.err != nil || len(d.b) == 0 {
		d.fail("truncated")
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uint64() uint64 {
	if d.err != nil || len(d.b) < 8 {
		d.fail("truncated")
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// varint undoes binary.PutVarint's zig-zag encoding of a uvarint.
func (d *decoder) varint() int64 {
	u := d.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a number of items each of at least one byte: no more than
// the bytes left.
func (d *decoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.b)) {
		d.fail("count %d past the end", v)
		return 0
	}
	return int(v)
}

func (d *decoder) string() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) lineError() *LineError {
	le := &LineError{Line: d.varint(), Column: d.string(), Value: d.string(), Reason: d.string()}
	if le.Line < 2 {
		d.fail("line %d", le.Line)
	}
	return le
}

func (d *decoder) part() (*Part, error) {
	if len(d.b) < len(partMagic)+1 || string(d.b[:len(partMagic)]) != partMagic {
		return nil, fmt.Errorf("not a part")
	}
	if v := d.b[len(partMagic)]; v != partVersion {
		return nil, fmt.Errorf("version %d, not %d", v, partVersion)
	}
	d.b = d.b[len(partMagic)+1:]
	p := &Part{}
	shard, shards := d.uvarint(), d.uvarint()
	if shards < 1 || shards > maxShards || shard >= shards {
		d.fail("shard %d of %d", shard, shards)
	}
	p.shard, p.shards = int(shard), int(shards)
	p.source = d.uint64()
	flags := d.byte()
	if flags&^3 != 0 {
		d.fail("flags %#x", flags)
	}
	if flags&1 != 0 {
		p.lineErr = d.lineError()
	}
	p.location = flags&2 != 0
	skipped := d.uvarint()
	if skipped > math.MaxInt64 {
		d.fail("skipped %d", skipped)
	}
	p.skipped = int64(skipped)
	n := d.count()
	if n > maxReported || uint64(n) > skipped {
		d.fail("%d errors reported of %d skipped", n, skipped)
	}
	if d.err != nil { // before allocating for n
		return nil, d.err
	}
	for range n {
		p.reported = append(p.reported, d.lineError())
	}
	n = d.count()
	if n > maxActivities {
		d.fail("%d activities", n)
	}
	if d.err != nil {
		return nil, d.err
	}
	for i := range n {
		p.names = append(p.names, d.string())
		if i > 0 && p.names[i-1] >= p.names[i] {
			d.fail("activities out of order")
		}
	}
	n = d.count()
	var events, waits uint64
	for range n {
		cases, length := d.uvarint(), d.count()
		if cases == 0 || cases > math.MaxUint32 || length == 0 {
			d.fail("a path of %d activities and %d cases", length, cases)
		}
		v := partVariant{cases: int(cases), acts: make([]uint16, length)}
		for i := range v.acts {
			a := d.uvarint()
			if a >= uint64(len(p.names)) {
				d.fail("activity %d of %d", a, len(p.names))
			}
			v.acts[i] = uint16(a)
		}
		events += cases * uint64(length)
		waits += cases * uint64(length-1)
		if events > math.MaxUint32 || waits > uint64(len(d.b)) {
			d.fail("%d events, %d waits", events, waits)
		}
		if d.err != nil {
			return nil, d.err
		}
		p.variants = append(p.variants, v)
	}
	if len(p.variants) > 0 {
		p.first, p.last = d.varint(), d.varint()
		if p.first > p.last {
			d.fail("first %d after last %d", p.first, p.last)
		}
	}
	unit := d.byte()
	if unit > 1 {
		d.fail("unit %d", unit)
	}
	if d.err != nil {
		return nil, d.err
	}
	width := uint64(8)
	if unit == 1 {
		width = 4
	}
	if uint64(len(d.b)) != waits*width {
		return nil, fmt.Errorf("%d bytes of waits, not %d", len(d.b), waits*width)
	}
	if waits > 0 {
		p.waits = make([]int64, waits)
	}
	// Every case lies within [first, last]. The loop is kept free of
	// calls: it reads a million waits for a million-event log.
	limit := min(uint64(p.last)-uint64(p.first), math.MaxInt64)
	b, at := d.b, 0
	for _, v := range p.variants {
		k := len(v.acts) - 1
		for range v.cases * min(k, 1) {
			var sum uint64
			for j := range k {
				var w uint64
				if unit == 1 {
					w = uint64(binary.LittleEndian.Uint32(b[4*j:])) * 1e9
				} else {
					w = binary.LittleEndian.Uint64(b[8*j:])
				}
				sum += w
				if w > limit || sum > limit {
					return nil, fmt.Errorf("a case's waits beyond the part's time")
				}
				p.waits[at+j] = int64(w)
			}
			b = b[uint64(k)*width:]
			at += k
		}
	}
	d.b = b
	if len(d.b) > 0 {
		d.fail("%d bytes after the part", len(d.b))
	}
	if d.err != nil {
		return nil, d.err
	}
	return p, nil
}
