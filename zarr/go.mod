module github.com/ndkit/ndkit/zarr

go 1.26

require (
	github.com/klauspost/compress v1.20.4
	github.com/ndkit/ndkit v0.0.0
	github.com/pierrec/lz4/v4 v4.1.33
)

require github.com/x448/float16 v0.8.4

require (
	github.com/klauspost/cpuid/v2 v2.4.2 // indirect
	golang.org/x/sys v0.46.0 // indirect
)

replace github.com/ndkit/ndkit => ../
