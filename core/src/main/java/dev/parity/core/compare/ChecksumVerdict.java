package dev.parity.core.compare;

/** A checksummed chunk and what judging it found (nothing to bisect when its checksums matched). */
public record ChecksumVerdict(RangeChecksum chunk, Bisection.Result result) {

}
