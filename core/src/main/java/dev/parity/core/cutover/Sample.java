package dev.parity.core.cutover;

import java.time.Instant;

/**
 * One measurement of a health signal of the target.
 *
 * @param signal what was measured
 * @param at when (UTC)
 * @param value a fraction for rates, milliseconds for the response time
 */
public record Sample(Signal signal, Instant at, double value) {

}
