// Package bench holds the benchmarks of ndkit's copy and iteration kernels,
// each beside the loop a Go programmer would write without ndkit, run in
// the same process so that the two can be compared.
//
// Run them all with
//
//	go test -bench . ./bench
//
// or one group with, for example,
//
//	go test -bench 'Copy/Transpose' -benchtime 20x -count 10 ./bench | tee new.txt
//	benchstat new.txt
//
// Sub-benchmark names end in ndview (ndkit's call) or in the baseline's
// name: builtin (the copy builtin on contiguous data), loop (a naive
// nested loop in index order) or range (a range loop over a slice).
// b.SetBytes counts the logical bytes read plus written, so a copy of N
// elements of s bytes reports 2·N·s and the MB/s column is the copy's
// bandwidth; iteration benchmarks count the bytes read. Sizes follow
// NumPy's figures in the project's performance table: 4096² float32 and
// float64, 4000² float32, 1000² float64 and a 1080×1920×3 uint8 image.
package bench
