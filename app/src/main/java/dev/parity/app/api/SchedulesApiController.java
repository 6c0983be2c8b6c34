package dev.parity.app.api;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.parity.app.console.ScheduleConsole;
import dev.parity.schedules.ScheduleEntry;

/** Schedules: list with state and next fire time; pause and resume a trigger (OPERATOR; audited). */
@RestController
@RequestMapping("/api/schedules")
@Tag(name = "schedules", description = "The Quartz schedules of parity.yml")
@ConditionalOnWebApplication
class SchedulesApiController {

	private final ScheduleConsole schedules;

	SchedulesApiController(ScheduleConsole schedules) {
		this.schedules = schedules;
	}

	@GetMapping
	@Operation(summary = "Every configured schedule: cron, time zone, state (SCHEDULED, PAUSED, ...), next fire time")
	List<ScheduleEntry> list() {
		return schedules.list();
	}

	@PostMapping("/{job}/pause")
	@Operation(summary = "Pause a schedule's trigger until resumed")
	Map<String, String> pause(@PathVariable String job) {
		schedules.pause(job);
		return Map.of("job", job, "state", "PAUSED");
	}

	@PostMapping("/{job}/resume")
	@Operation(summary = "Resume a paused trigger (a firing missed meanwhile fires once, at once)")
	Map<String, String> resume(@PathVariable String job) {
		schedules.resume(job);
		return Map.of("job", job, "state", "SCHEDULED");
	}

}
