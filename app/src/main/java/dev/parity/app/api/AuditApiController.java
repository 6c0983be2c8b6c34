package dev.parity.app.api;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.parity.core.repository.AuditLog;

/** The audit log: reconciliation fixes (before/after, rule, trigger, who) or every action. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "Who did what and when")
@ConditionalOnWebApplication
class AuditApiController {

	private final AuditLog audit;

	AuditApiController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Newest first; fixesOnly (default true): reconciliation fixes only; before: an entry id "
			+ "(the last of the previous page); limit up to 500")
	List<AuditLog.Entry> entries(@RequestParam(defaultValue = "true") boolean fixesOnly,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "100") int limit) {
		return audit.page(fixesOnly, before, Math.max(1, Math.min(limit, 500)));
	}

}
