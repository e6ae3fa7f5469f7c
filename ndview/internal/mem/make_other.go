//go:build !linux

package mem

// adviseHuge does nothing: only Linux has transparent huge pages.
func adviseHuge([]byte) {}
