package dev.parity.core.compare;

import dev.parity.core.repository.DiffCandidate;

/** A candidate key and its verdict after the confirmation pass re-read it. */
public record ConfirmedCandidate(DiffCandidate candidate, Comparison comparison) {

}
