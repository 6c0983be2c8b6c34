package dev.parity.app.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parity.app.console.ScheduleConsole;
import dev.parity.core.config.ParityConfig;

/** Schedules: each with its cron, state and next fire time; pause and resume. */
@Controller
@ConditionalOnWebApplication
class SchedulesController {

	private final ScheduleConsole schedules;

	private final ParityConfig config;

	SchedulesController(ScheduleConsole schedules, ParityConfig config) {
		this.schedules = schedules;
		this.config = config;
	}

	@GetMapping("/schedules")
	String list(Model model) {
		model.addAttribute("schedules", schedules.list());
		model.addAttribute("timeZone", config.timeZone());
		return "schedules";
	}

	@PostMapping("/schedules/{job}/pause")
	String pause(@PathVariable String job, RedirectAttributes redirect) {
		schedules.pause(job);
		redirect.addFlashAttribute("notice", "Paused the " + job + " schedule.");
		return "redirect:/schedules";
	}

	@PostMapping("/schedules/{job}/resume")
	String resume(@PathVariable String job, RedirectAttributes redirect) {
		schedules.resume(job);
		redirect.addFlashAttribute("notice", "Resumed the " + job + " schedule.");
		return "redirect:/schedules";
	}

}
