package dev.parity.app.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.parity.schedules.ScheduleEntry;
import dev.parity.schedules.ScheduleOverview;

/**
 * The schedules section of {@code status} and {@code serve}: one row per schedule of parity.yml with
 * its cron, state and next fire time (in the schedules' time zone).
 */
final class ScheduleSection {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private ScheduleSection() {
	}

	static void print(ScheduleOverview overview, String timeZone, PrintWriter out) {
		List<ScheduleEntry> entries = overview.list();
		if (entries.isEmpty()) {
			out.println("schedules: none (add parity.schedules to parity.yml)");
			return;
		}
		out.println("schedules (" + timeZone + ")");
		TextTable table = new TextTable("job", "cron", "state", "next fire time");
		for (ScheduleEntry entry : entries) {
			table.row(entry.job(), entry.cron(), entry.state(), entry.nextFireTime() == null ? "-"
					: TIME.format(entry.nextFireTime().atZone(ZoneId.of(entry.timeZone()))));
		}
		table.print(out);
		out.flush();
	}

}
