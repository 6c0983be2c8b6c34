package dev.parity.app.api;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.parity.app.console.ExecutionView;
import dev.parity.app.console.JobConsole;

/** Jobs and their executions: launch, stop, restart (OPERATOR; audited), progress. */
@RestController
@RequestMapping("/api")
@Tag(name = "jobs", description = "Launch, watch, stop and restart Parity's Spring Batch jobs")
@ConditionalOnWebApplication
class JobsApiController {

	private final JobConsole jobs;

	JobsApiController(JobConsole jobs) {
		this.jobs = jobs;
	}

	/**
	 * What to launch.
	 *
	 * @param tables table pair names; empty or absent: every pair
	 * @param dryRun reconcile only: change nothing, write the SQL it would run
	 */
	record Launch(List<String> tables, Boolean dryRun) {
	}

	@GetMapping("/jobs")
	@Operation(summary = "Every job with its schedule, next fire time and latest execution")
	List<JobConsole.JobView> jobs() {
		return jobs.jobs();
	}

	@PostMapping("/jobs/{job}/launch")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start a job now (runs in the background; 409 while one of it is running)")
	Map<String, Long> launch(@PathVariable String job, @RequestBody(required = false) Launch launch) {
		List<String> tables = launch == null || launch.tables() == null ? List.of() : launch.tables();
		return Map.of("executionId", jobs.launch(job, tables, launch != null && Boolean.TRUE.equals(launch.dryRun())));
	}

	@GetMapping("/executions")
	@Operation(summary = "The most recent executions of every job, newest first")
	List<ExecutionView> executions(@RequestParam(defaultValue = "20") int limit) {
		return jobs.recent(Math.max(1, Math.min(limit, 200)));
	}

	@GetMapping("/executions/{id}")
	@Operation(summary = "One execution with its step and partition progress and any error")
	ExecutionView execution(@PathVariable long id) {
		return jobs.execution(id).orElseThrow(() -> new NoSuchElementException("there is no job execution " + id));
	}

	@PostMapping("/executions/{id}/stop")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Ask a running execution to stop at its next chunk boundary")
	Map<String, Long> stop(@PathVariable long id) {
		jobs.stop(id);
		return Map.of("executionId", id);
	}

	@PostMapping("/executions/{id}/restart")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Restart a FAILED or STOPPED execution where it stopped")
	Map<String, Long> restart(@PathVariable long id) {
		return Map.of("executionId", jobs.restart(id));
	}

}
