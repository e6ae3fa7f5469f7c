package ndview

// realNum is the set of the representations of the real element kinds,
// for test helpers generic over them.
type realNum interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64
}
