package dev.parity.core.count;

import java.time.LocalDateTime;

/**
 * One side's count of a table.
 *
 * @param settled rows not updated within the lag window (all rows without an updated-column)
 * @param inFlight rows updated within the lag window
 * @param newest the newest updated-column value, or null
 */
public record SideCount(long settled, long inFlight, LocalDateTime newest) {

}
