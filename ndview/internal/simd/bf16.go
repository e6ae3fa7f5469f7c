package simd

// BF16ToF32 sets d[i] to the float32 bits of the bfloat16 bits s[i]
// (uint32(s[i]) << 16, exact) for a prefix of d and returns its length;
// len(s) >= len(d) (semantics.md §33, VK8).
func BF16ToF32(d []uint32, s []uint16) int { return bf16ToF32(d, s[:len(d)]) }

// F32ToBF16 sets d[i] to the bfloat16 bits nearest to the float32 bits
// s[i], ties to even, for a prefix of d and returns its length: the bits
// of bfloat16.FromFloat32, NaN included (its sign and leading payload bits
// kept, made quiet); len(s) >= len(d) (semantics.md §33, VK8).
func F32ToBF16(d []uint16, s []uint32) int { return f32ToBF16(d, s[:len(d)]) }
