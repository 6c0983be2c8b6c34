package dev.parity.app.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parity.app.console.Dashboard;
import dev.parity.app.console.ScheduleConsole;
import dev.parity.app.console.TrendSvg;

/** The dashboard: verdict, exit criteria, each table pair; trend charts load lazily (htmx). */
@Controller
@ConditionalOnWebApplication
class DashboardController {

	private final Dashboard dashboard;

	private final ScheduleConsole schedules;

	DashboardController(Dashboard dashboard, ScheduleConsole schedules) {
		this.dashboard = dashboard;
		this.schedules = schedules;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("view", dashboard.view());
		return "dashboard";
	}

	@GetMapping(path = "/tables/{table}/trend", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String trend(@PathVariable String table) {
		return TrendSvg.render(dashboard.trend(table));
	}

	@PostMapping("/tables/{table}/resume")
	String resume(@PathVariable String table, RedirectAttributes redirect) {
		String reason = schedules.resumeTable(table);
		redirect.addFlashAttribute("notice", "Resumed " + table + " (it was paused for: " + reason + ").");
		return "redirect:/";
	}

}
