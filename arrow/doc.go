// Package arrow connects Apache Arrow to ndkit's buffer protocol.
package arrow
