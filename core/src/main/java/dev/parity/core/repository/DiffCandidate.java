package dev.parity.core.repository;

import java.util.Map;

/**
 * A key that did not compare equal in the diff's merge pass and is re-read by key in the
 * confirmation pass.
 *
 * @param reason {@code DIFFERENT}, {@code IN_FLIGHT} (updated within the lag window) or
 *     {@code ORDER} (a side returned it out of binary key order: never paired in the merge)
 */
public record DiffCandidate(long id, String table, Map<String, String> key, String reason) {

}
