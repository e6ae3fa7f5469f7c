package random

import (
	"math"

	"github.com/ndkit/ndkit/random/internal/libm"
)

// Discrete samplers: binomial and Poisson (distributions.c), with
// glibc's log and exp (semantics.md RG5). Integer operands convert to
// float64 where C converts them, and every product that is then added is
// rounded on its own, as NumPy's build (no FMA) rounds it.

// binomialSetup is NumPy's binomial_t for one (n, p): the set-up of the
// inversion or BTPE sampler. NumPy keeps it in the Generator between calls
// only to save the set-up; the samples do not depend on it, so a fresh one
// per call gives the same stream.
type binomialSetup struct {
	n                          int64
	p                          float64
	btpe                       bool
	r, q, fm, c, xm, xl, xr    float64
	laml, lamr, p1, p2, p3, p4 float64
	m                          int64
	qn, np                     float64
	bound                      int64
}

// newBinomialSetup returns the set-up random_binomial uses for p <= 0.5.
func newBinomialSetup(n int64, p float64) *binomialSetup {
	s := &binomialSetup{n: n, p: p}
	nf := float64(n)
	if float64(p*nf) <= 30.0 {
		// random_binomial_inversion
		s.q = 1.0 - p
		s.qn = libm.Exp(float64(nf * libm.Log(s.q)))
		s.np = float64(nf * p)
		s.bound = int64(math.Min(nf, s.np+float64(10.0*math.Sqrt(float64(s.np*s.q)+1))))
		return s
	}
	// random_binomial_btpe
	s.btpe = true
	r := math.Min(p, 1.0-p)
	q := 1.0 - r
	fm := float64(nf*r) + r
	m := int64(math.Floor(fm))
	p1 := math.Floor(float64(2.195*math.Sqrt(float64(nf*r)*q))-float64(4.6*q)) + 0.5
	xm := float64(m) + 0.5
	xl := xm - p1
	xr := xm + p1
	c := 0.134 + 20.5/(15.3+float64(m))
	a := (fm - xl) / (fm - float64(xl*r))
	laml := a * (1.0 + a/2.0)
	a = (xr - fm) / float64(xr*q)
	lamr := a * (1.0 + a/2.0)
	p2 := p1 * (1.0 + float64(2.0*c))
	p3 := p2 + c/laml
	p4 := p3 + c/lamr
	*s = binomialSetup{n: n, p: p, btpe: true, r: r, q: q, fm: fm, c: c, xm: xm, xl: xl, xr: xr,
		laml: laml, lamr: lamr, p1: p1, p2: p2, p3: p3, p4: p4, m: m}
	return s
}

// binomial is random_binomial for a validated (n, p).
func (p *PCG64) binomial(n int64, prob float64, lo, hi *binomialSetup) int64 {
	if n == 0 || prob == 0 {
		return 0
	}
	if prob <= 0.5 {
		return p.binomialWith(lo)
	}
	return n - p.binomialWith(hi)
}

func (p *PCG64) binomialWith(s *binomialSetup) int64 {
	if s.btpe {
		return p.binomialBTPE(s)
	}
	return p.binomialInversion(s)
}

// binomialInversion is random_binomial_inversion.
func (p *PCG64) binomialInversion(s *binomialSetup) int64 {
	n, q, pp := s.n, s.q, s.p
	var x int64
	px := s.qn
	u := p.Float64()
	for u > px {
		x++
		if x > s.bound {
			x = 0
			px = s.qn
			u = p.Float64()
		} else {
			u -= px
			px = (float64(float64(n-x+1)*pp) * px) / float64(float64(x)*q)
		}
	}
	return x
}

// binomialBTPE is random_binomial_btpe (Kachitvichyanukul and Schmeiser),
// its gotos as a loop with labelled steps.
func (p *PCG64) binomialBTPE(s *binomialSetup) int64 {
	n, r, q, m := s.n, s.r, s.q, s.m
	p1, xm, xl, xr, c := s.p1, s.xm, s.xl, s.xr, s.c
	laml, lamr, p2, p3, p4 := s.laml, s.lamr, s.p2, s.p3, s.p4
	nf, mf := float64(n), float64(m)
	var y int64
	for {
		// Step10
		nrq := float64(nf*r) * q
		u := p.Float64() * p4
		v := p.Float64()
		if u <= p1 {
			y = int64(math.Floor(xm - float64(p1*v) + u))
			break // Step60
		}
		if u <= p2 { // Step20
			x := xl + (u-p1)/c
			v = float64(v*c) + 1.0 - math.Abs(mf-x+0.5)/p1
			if v > 1.0 {
				continue
			}
			y = int64(math.Floor(x))
		} else if u <= p3 { // Step30
			y = int64(math.Floor(xl + libm.Log(v)/laml))
			if y < 0 || v == 0.0 {
				continue
			}
			v = v * (u - p2) * laml
		} else { // Step40
			y = int64(math.Floor(xr - libm.Log(v)/lamr))
			if y > n || v == 0.0 {
				continue
			}
			v = v * (u - p3) * lamr
		}
		// Step50
		k := y - m
		if k < 0 {
			k = -k
		}
		kf := float64(k)
		if k > 20 && kf < nrq/2.0-1 {
			// Step52
			rho := (kf / nrq) * ((float64(kf*(kf/3.0+0.625))+0.16666666666666666)/nrq + 0.5)
			t := float64(-k*k) / float64(2*nrq)
			A := libm.Log(v)
			if A < t-rho {
				break
			}
			if A > t+rho {
				continue
			}
			x1 := float64(y + 1)
			f1 := float64(m + 1)
			z := float64(n + 1 - m)
			w := float64(n - y + 1)
			x2, f2, z2, w2 := x1*x1, f1*f1, z*z, w*w
			bound := float64(xm*libm.Log(f1/x1)) +
				float64((float64(n-m)+0.5)*libm.Log(z/w)) +
				float64(float64(y-m)*libm.Log(float64(w*r)/float64(x1*q))) +
				(13680.-(462.-(132.-(99.-140./f2)/f2)/f2)/f2)/f1/166320. +
				(13680.-(462.-(132.-(99.-140./z2)/z2)/z2)/z2)/z/166320. +
				(13680.-(462.-(132.-(99.-140./x2)/x2)/x2)/x2)/x1/166320. +
				(13680.-(462.-(132.-(99.-140./w2)/w2)/w2)/w2)/w/166320.
			if A > bound {
				continue
			}
			break
		}
		sr := r / q
		a := sr * float64(n+1)
		F := 1.0
		if m < y {
			for i := m + 1; i <= y; i++ {
				F *= a/float64(i) - sr
			}
		} else if m > y {
			for i := y + 1; i <= m; i++ {
				F /= a/float64(i) - sr
			}
		}
		if v > F {
			continue
		}
		break
	}
	// Step60
	if s.p > 0.5 {
		y = n - y
	}
	return y
}

// poissonLamMax is NumPy's POISSON_LAM_MAX: int64's maximum less ten of
// its square roots, in float64.
var poissonLamMax = float64(math.MaxInt64) - float64(math.Sqrt(float64(math.MaxInt64))*10)

// poisson is random_poisson: multiplication of uniforms below 10,
// Hörmann's transformed rejection (PTRS) from 10 on.
func (p *PCG64) poisson(lam float64, pt *ptrsSetup) int64 {
	if lam >= 10 {
		return p.poissonPTRS(lam, pt)
	}
	if lam == 0 {
		return 0
	}
	enlam := libm.Exp(-lam)
	var x int64
	prod := 1.0
	for {
		prod *= p.Float64()
		if prod > enlam {
			x++
		} else {
			return x
		}
	}
}

// ptrsSetup holds the constants of random_poisson_ptrs for one λ.
type ptrsSetup struct {
	slam, loglam, a, b, invalpha, vr, logInvalpha float64
}

func newPTRSSetup(lam float64) *ptrsSetup {
	s := &ptrsSetup{}
	s.slam = math.Sqrt(lam)
	s.loglam = libm.Log(lam)
	s.b = 0.931 + float64(2.53*s.slam)
	s.a = -0.059 + float64(0.02483*s.b)
	s.invalpha = 1.1239 + 1.1328/(s.b-3.4)
	s.vr = 0.9277 - 3.6224/(s.b-2)
	s.logInvalpha = libm.Log(s.invalpha)
	return s
}

// poissonPTRS is random_poisson_ptrs.
func (p *PCG64) poissonPTRS(lam float64, s *ptrsSetup) int64 {
	a, b := s.a, s.b
	for {
		U := p.Float64() - 0.5
		V := p.Float64()
		us := 0.5 - math.Abs(U)
		k := int64(math.Floor(float64((2*a/us+b)*U) + lam + 0.43))
		if us >= 0.07 && V <= s.vr {
			return k
		}
		if k < 0 || (us < 0.013 && V > us) {
			continue
		}
		if libm.Log(V)+s.logInvalpha-libm.Log(a/float64(us*us)+b) <=
			-lam+float64(float64(k)*s.loglam)-loggam(float64(k+1)) {
			return k
		}
	}
}

// loggamCoef are the coefficients of random_loggam (Zhang and Jin).
var loggamCoef = [10]float64{
	8.333333333333333e-02, -2.777777777777778e-03,
	7.936507936507937e-04, -5.952380952380952e-04,
	8.417508417508418e-04, -1.917526917526918e-03,
	6.410256410256410e-03, -2.955065359477124e-02,
	1.796443723688307e-01, -1.39243221690590e+00,
}

// loggam is random_loggam: log Γ(x) for x > 0.
func loggam(x float64) float64 {
	if x == 1.0 || x == 2.0 {
		return 0.0
	}
	var n int64
	if x < 7.0 {
		n = int64(7 - x)
	}
	x0 := x + float64(n)
	x2 := (1.0 / x0) * (1.0 / x0)
	const lg2pi = 1.8378770664093453e+00
	gl0 := loggamCoef[9]
	for k := 8; k >= 0; k-- {
		gl0 = float64(gl0*x2) + loggamCoef[k]
	}
	gl := gl0/x0 + 0.5*lg2pi + float64((x0-0.5)*libm.Log(x0)) - x0
	if x < 7.0 {
		for k := int64(1); k <= n; k++ {
			gl -= libm.Log(x0 - 1.0)
			x0 -= 1.0
		}
	}
	return gl
}
