package dev.parity.app.web;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parity.app.console.JobConsole;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.config.TableMapping;

/**
 * Jobs: every job with its schedule, the launch form, recent executions (refreshed by htmx every two
 * seconds), one execution with its step and partition progress (live while it runs), stop and restart.
 */
@Controller
@ConditionalOnWebApplication
class JobsController {

	static final int RECENT = 20;

	private final JobConsole jobs;

	private final ParityConfig config;

	JobsController(JobConsole jobs, ParityConfig config) {
		this.jobs = jobs;
		this.config = config;
	}

	@GetMapping("/jobs")
	String jobs(Model model) {
		model.addAttribute("jobs", jobs.jobs());
		model.addAttribute("tables", config.tables().stream().map(TableMapping::name).toList());
		model.addAttribute("executions", jobs.recent(RECENT));
		return "jobs";
	}

	@GetMapping("/jobs/executions")
	String executions(Model model) {
		model.addAttribute("executions", jobs.recent(RECENT));
		return "jobs :: executions";
	}

	@PostMapping("/jobs/launch")
	String launch(@RequestParam String job, @RequestParam(required = false) List<String> tables,
			@RequestParam(defaultValue = "false") boolean dryRun, RedirectAttributes redirect) {
		long id = jobs.launch(job, tables == null ? List.of() : tables, dryRun);
		redirect.addFlashAttribute("notice", "Started " + job + " as execution " + id + ".");
		return "redirect:/executions/" + id;
	}

	@GetMapping("/executions/{id}")
	String execution(@PathVariable long id, Model model) {
		model.addAttribute("execution", jobs.execution(id)
			.orElseThrow(() -> new java.util.NoSuchElementException("there is no job execution " + id)));
		return "execution";
	}

	@GetMapping("/executions/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		execution(id, model);
		return "execution :: progress";
	}

	@PostMapping("/executions/{id}/stop")
	String stop(@PathVariable long id, RedirectAttributes redirect) {
		jobs.stop(id);
		redirect.addFlashAttribute("notice", "Asked execution " + id + " to stop at its next chunk boundary.");
		return "redirect:/executions/" + id;
	}

	@PostMapping("/executions/{id}/restart")
	String restart(@PathVariable long id, RedirectAttributes redirect) {
		long restarted = jobs.restart(id);
		redirect.addFlashAttribute("notice", "Restarted execution " + id + " as execution " + restarted + ".");
		return "redirect:/executions/" + restarted;
	}

}
