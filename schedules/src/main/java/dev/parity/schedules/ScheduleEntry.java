package dev.parity.schedules;

import java.time.Instant;

/**
 * One schedule as {@code ./parity status} and {@code serve} show it.
 *
 * @param job the job short name ({@code counts})
 * @param cron the Quartz cron from parity.yml
 * @param timeZone the zone the cron is read in
 * @param state {@code SCHEDULED}, {@code PAUSED}, {@code RUNNING} (a firing is being handled),
 * {@code ERROR}, {@code NOT STARTED} (serve has not stored it yet: the next fire time is the cron's),
 * {@code CHANGED} (parity.yml differs from the stored trigger until serve restarts: the next fire time
 * is the stored one), or {@code NOT AVAILABLE} (no such job in this version; no next fire time)
 * @param nextFireTime the next firing, or null when there is none
 */
public record ScheduleEntry(String job, String cron, String timeZone, String state, Instant nextFireTime) {
}
