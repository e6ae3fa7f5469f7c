//go:build !purego

package simd

import "golang.org/x/sys/cpu"

func init() { hasFMA = cpu.X86.HasFMA }
