package random

// NumPy's SeedSequence constants (numpy/random/bit_generator.pyx).
const (
	poolSize = 4
	initA    = 0x43b0d7e5
	multA    = 0x931e8875
	initB    = 0x8b51f9dd
	multB    = 0x58f38ded
	mixMultL = 0xca01f9dd
	mixMultR = 0x4973f715
	xshift   = 16
)

// SeedSequence is NumPy's numpy.random.SeedSequence with its default pool
// of four 32-bit words: it hashes the entropy (and a spawn key) into the
// pool, from which GenerateState draws well-mixed words to seed a bit
// generator. Equal entropy and spawn keys give NumPy's words exactly
// (semantics.md RG1).
type SeedSequence struct {
	entropy  []uint32
	spawnKey []uint32
	pool     [poolSize]uint32
	spawned  uint32
}

// NewSeedSequence returns the seed sequence of
// numpy.random.SeedSequence(entropy), where entropy is one non-negative
// integer or a sequence of them: each value becomes its 32-bit words,
// lowest first, one word when it fits in 32 bits (0 is one word), and the
// words of the values are concatenated. So NewSeedSequence(12345) is
// SeedSequence(12345), and NewSeedSequence(1, 2<<40) is
// SeedSequence([1, 2<<40]). With no values it panics (NumPy draws
// entropy from the operating system there; use NewSeedSequenceWords with
// words of your own).
func NewSeedSequence(entropy ...uint64) *SeedSequence {
	if len(entropy) == 0 {
		panicf("NewSeedSequence", ErrParam, "no entropy given; pass at least one integer")
	}
	return newSeedSequence(intWords(entropy), nil)
}

// NewSeedSequenceWords returns the seed sequence of
// numpy.random.SeedSequence(np.array(words, dtype=np.uint32)): the words
// are the entropy as they are. Integers larger than 64 bits are given this
// way, as their 32-bit words, lowest first.
func NewSeedSequenceWords(words ...uint32) *SeedSequence {
	return newSeedSequence(append([]uint32{}, words...), nil)
}

// intWords is NumPy's _coerce_to_uint32_array for a sequence of integers.
func intWords(vals []uint64) []uint32 {
	var w []uint32
	for _, v := range vals {
		w = append(w, uint32(v))
		if v>>32 != 0 {
			w = append(w, uint32(v>>32))
		}
	}
	return w
}

func newSeedSequence(entropy, spawnKey []uint32) *SeedSequence {
	s := &SeedSequence{entropy: entropy, spawnKey: spawnKey}
	// get_assembled_entropy: with a spawn key, short entropy is padded
	// with zeros to the pool size first (NumPy 1.19 and later).
	all := append([]uint32{}, entropy...)
	if len(spawnKey) > 0 && len(all) < poolSize {
		all = append(all, make([]uint32, poolSize-len(all))...)
	}
	all = append(all, spawnKey...)
	s.mixEntropy(all)
	return s
}

// hashmix is NumPy's hashmix; it updates the running hash constant.
func hashmix(value uint32, hc *uint32) uint32 {
	value ^= *hc
	*hc *= multA
	value *= *hc
	value ^= value >> xshift
	return value
}

// mix is NumPy's mix.
func mix(x, y uint32) uint32 {
	r := mixMultL*x - mixMultR*y
	r ^= r >> xshift
	return r
}

// mixEntropy is NumPy's SeedSequence.mix_entropy into the pool.
func (s *SeedSequence) mixEntropy(ent []uint32) {
	hc := uint32(initA)
	for i := range s.pool {
		if i < len(ent) {
			s.pool[i] = hashmix(ent[i], &hc)
		} else {
			s.pool[i] = hashmix(0, &hc)
		}
	}
	for src := range s.pool {
		for dst := range s.pool {
			if src != dst {
				s.pool[dst] = mix(s.pool[dst], hashmix(s.pool[src], &hc))
			}
		}
	}
	for src := poolSize; src < len(ent); src++ {
		for dst := range s.pool {
			s.pool[dst] = mix(s.pool[dst], hashmix(ent[src], &hc))
		}
	}
}

// GenerateState returns n 32-bit words drawn from the pool
// (SeedSequence.generate_state(n, np.uint32)). It panics if n < 0.
func (s *SeedSequence) GenerateState(n int) []uint32 {
	if n < 0 {
		panicf("SeedSequence.GenerateState", ErrParam, "negative word count %d", n)
	}
	out := make([]uint32, n)
	hc := uint32(initB)
	for i := range out {
		v := s.pool[i%poolSize]
		v ^= hc
		hc *= multB
		v *= hc
		v ^= v >> xshift
		out[i] = v
	}
	return out
}

// GenerateState64 returns n 64-bit words (SeedSequence.generate_state(n,
// np.uint64)): 2n 32-bit words, paired little end first. It panics if
// n < 0 or 2n overflows.
func (s *SeedSequence) GenerateState64(n int) []uint64 {
	if n < 0 || n > int(^uint(0)>>2) {
		panicf("SeedSequence.GenerateState64", ErrParam, "word count %d out of range", n)
	}
	w := s.GenerateState(2 * n)
	out := make([]uint64, n)
	for i := range out {
		out[i] = uint64(w[2*i]) | uint64(w[2*i+1])<<32
	}
	return out
}

// Spawn returns n child seed sequences (SeedSequence.spawn(n)): each has
// s's entropy and s's spawn key extended by its own index, counting on
// from the children spawned before. Children are independent streams.
// It panics if n < 0.
func (s *SeedSequence) Spawn(n int) []*SeedSequence {
	if n < 0 {
		panicf("SeedSequence.Spawn", ErrParam, "negative child count %d", n)
	}
	out := make([]*SeedSequence, n)
	for i := range out {
		key := append(append([]uint32{}, s.spawnKey...), s.spawned)
		out[i] = newSeedSequence(s.entropy, key)
		s.spawned++
	}
	return out
}
