// Package flapack calls the LAPACK inside the system's OpenBLAS through
// its Fortran interface (dgetrf_, dpotrf_, dgesdd_, …: column-major,
// 32-bit integers), with cgo, under the openblas build tag (semantics.md
// §34, LP4); without the tag it is empty. Debian's libopenblas-dev ships
// no lapacke.h, so the few prototypes are declared here.
package flapack
