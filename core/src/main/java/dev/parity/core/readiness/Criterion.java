package dev.parity.core.readiness;

import java.time.Instant;

/**
 * One exit criterion as measured now.
 *
 * @param name what is judged, e.g. {@code field match rate (every table)}
 * @param measured the measured value, as a person reads it
 * @param threshold the bar, as a person reads it
 * @param passed whether the bar is met
 * @param since since when it has been met (or, for a failing one, null)
 */
public record Criterion(String name, String measured, String threshold, boolean passed, Instant since) {

}
