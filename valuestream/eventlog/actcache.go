package eventlog

// activityCache is a worker's look-up of activity ids, in front of the
// shared activityTable: a direct-mapped cache indexed by a name's length
// and end bytes, backed by a map for names that collide there. A log has a
// few dozen names, so nearly every row costs one slot and one compare
// instead of hashing its name: under js/wasm, where the runtime's string
// hash and map probe are not vectorised, the plain map took a tenth of the
// analysis.
type activityCache struct {
	slots [256]activitySlot // an empty slot's name is "", which no looked-up name equals
	known map[string]activitySlot
}

type activitySlot struct {
	name string
	id   uint16
}

// lookup returns b's id, interning it in acts when the worker has not seen
// it. ok is false when acts is full.
func (c *activityCache) lookup(b []byte, acts *activityTable) (uint16, bool) {
	var s *activitySlot
	if n := len(b); n > 0 {
		s = &c.slots[(n*7^int(b[0])^int(b[n-1])<<2)&(len(c.slots)-1)]
		if s.name == string(b) {
			return s.id, true
		}
	}
	v, ok := c.known[string(b)]
	if !ok {
		id, ok := acts.intern(b)
		if !ok {
			return 0, false
		}
		if c.known == nil {
			c.known = map[string]activitySlot{}
		}
		v = activitySlot{name: string(b), id: id}
		c.known[v.name] = v
	}
	if s != nil {
		*s = v
	}
	return v.id, true
}
