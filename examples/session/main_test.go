package main

// The session's output, equal to what the NumPy session in main's
// comments prints with NumPy 1.24 (the same random streams, the same
// statistics, the same least-squares fit to the printed digits).
func Example() {
	main()
	// Output:
	// data: [200 2]
	// mean [5.030 11.091], std [2.918 9.094]
	// outliers removed: 2
	// sample rows: [129 17 152]
	// y ≈ 0.98 + 2.00·x
	// 0.4186,0.3157
	// 1.3512,0.8385
	// 0.9347,0.6796
}
