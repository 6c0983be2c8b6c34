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

import dev.parity.app.console.Dashboard;
import dev.parity.app.console.ScheduleConsole;
import dev.parity.app.security.CurrentUser;
import dev.parity.reports.SignOffReport.TrendPoint;

/** The dashboard's data, a table pair's trend, resuming a paused table pair, and who is asking. */
@RestController
@RequestMapping("/api")
@Tag(name = "dashboard", description = "Readiness, exit criteria and the state of each table pair")
@ConditionalOnWebApplication
class DashboardApiController {

	private final Dashboard dashboard;

	private final ScheduleConsole schedules;

	DashboardApiController(Dashboard dashboard, ScheduleConsole schedules) {
		this.dashboard = dashboard;
		this.schedules = schedules;
	}

	@GetMapping("/dashboard")
	@Operation(summary = "The READY / NOT READY verdict, every exit criterion, and each table pair's latest results")
	Dashboard.View dashboard() {
		return dashboard.view();
	}

	@GetMapping("/tables/{table}/trend")
	@Operation(summary = "Match rate and open discrepancies of a table pair over its latest checks")
	List<TrendPoint> trend(@PathVariable String table) {
		return dashboard.trend(table);
	}

	@PostMapping("/tables/{table}/resume")
	@Operation(summary = "Resume a table pair paused by a schema conflict, after review (OPERATOR; audited)")
	Map<String, String> resume(@PathVariable String table) {
		return Map.of("table", table, "wasPausedFor", schedules.resumeTable(table));
	}

	@GetMapping("/me")
	@Operation(summary = "The authenticated user's name and roles")
	CurrentUser me() {
		return CurrentUser.get();
	}

}
