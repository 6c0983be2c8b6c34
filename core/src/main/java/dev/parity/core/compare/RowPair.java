package dev.parity.core.compare;

import java.util.List;

/**
 * The rows of one key from the merge of both sides: the source row (or null) and the target's copies
 * (possibly none, several when the target lacks the key constraint). {@code outOfOrder} marks a row
 * that a side returned out of binary key order: it is not paired, only re-checked by key.
 */
public record RowPair(Object[] source, List<Object[]> targets, boolean outOfOrder) {

}
