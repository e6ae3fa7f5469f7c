package random

// binomialCache is NumPy's binomial_t: the set-up of the last (n, p) that
// Binomial used, kept across calls as NumPy keeps it in its Generator.
type binomialCache struct {
	has         bool
	n           int64
	p           float64
	nsave       int64
	r, q, fm, c float64
	xm, xl, xr  float64
	laml, lamr  float64
	p1, p2, p3  float64
	p4          float64
	m           int64
}
