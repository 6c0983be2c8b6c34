package dev.parity.app.api;

import java.security.Principal;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parity.core.config.UserRole;
import dev.parity.core.cutover.Actor;
import dev.parity.core.cutover.CutoverForbiddenException;
import dev.parity.core.cutover.CutoverRefusedException;
import dev.parity.core.cutover.CutoverService;
import dev.parity.core.cutover.CutoverStatus;
import dev.parity.core.cutover.Sample;
import dev.parity.core.cutover.SampleFile;
import dev.parity.core.repository.CutoverRepository.Incident;
import dev.parity.core.repository.CutoverRepository.PhaseChange;
import tools.jackson.databind.JsonNode;

/**
 * The cutover over HTTP, for the application's router or feature-flag system and for the monitoring
 * stack:
 * <ul>
 * <li>{@code GET /api/cutover} → {@code {"phase": "SHADOW", "targetShare": 0.0, ...}} ({@link CutoverStatus});</li>
 * <li>{@code POST /api/cutover/advance} → the change, or 409 with the reason (exit criteria), 403 without
 * the role;</li>
 * <li>{@code POST /api/cutover/rollback} with optional {@code {"reason": "..."}} → the incident;</li>
 * <li>{@code POST /api/metrics} with {@code {"signal": "error-rate", "value": 0.02, "time": "..."}} or an
 * array of them (no time: now) → 202, the triggers evaluated at once.</li>
 * </ul>
 * The acting user and roles come from the servlet request (Spring Security's principal and
 * {@code ROLE_} authorities, #10); the service enforces OPERATOR and APPROVER itself.
 */
@RestController
@RequestMapping("/api")
public class CutoverApiController {

	private final CutoverService cutover;

	private final Clock clock;

	public CutoverApiController(CutoverService cutover, Clock clock) {
		this.cutover = cutover;
		this.clock = clock;
	}

	@GetMapping("/cutover")
	public CutoverStatus status() {
		return cutover.status();
	}

	@PostMapping("/cutover/advance")
	public PhaseChange advance(HttpServletRequest request) {
		return cutover.advance(actor(request));
	}

	@PostMapping("/cutover/rollback")
	public Incident rollback(@RequestBody(required = false) Map<String, String> body, HttpServletRequest request) {
		return cutover.rollback(actor(request), body == null ? null : body.get("reason"));
	}

	@PostMapping("/metrics")
	public ResponseEntity<Map<String, Object>> metrics(@RequestBody JsonNode body, HttpServletRequest request) {
		List<Sample> samples = SampleFile.fromJson(body, "body", clock.instant());
		Principal principal = request.getUserPrincipal();
		Optional<Incident> fired = cutover.record(samples, "api:" + (principal == null ? "anonymous" : principal.getName()));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("recorded", samples.size());
		answer.put("phase", cutover.status().phase());
		answer.put("incident", fired.orElse(null));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
	}

	private static Actor actor(HttpServletRequest request) {
		Principal principal = request.getUserPrincipal();
		EnumSet<UserRole> roles = EnumSet.noneOf(UserRole.class);
		Arrays.stream(UserRole.values()).filter((r) -> request.isUserInRole(r.name())).forEach(roles::add);
		return new Actor("console", principal == null ? "anonymous" : principal.getName(), roles);
	}

	@ExceptionHandler(CutoverForbiddenException.class)
	ResponseEntity<Map<String, String>> forbidden(CutoverForbiddenException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(CutoverRefusedException.class)
	ResponseEntity<Map<String, String>> refused(CutoverRefusedException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

}
