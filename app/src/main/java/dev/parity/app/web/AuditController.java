package dev.parity.app.web;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parity.core.repository.AuditLog;

/** The reconciliation audit: every fix with its rows before and after, rule, trigger and who; or every action. */
@Controller
@ConditionalOnWebApplication
class AuditController {

	static final int PAGE = 50;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) Long before,
			Model model) {
		List<AuditLog.Entry> entries = audit.page(!all, before, PAGE);
		model.addAttribute("entries", entries);
		model.addAttribute("all", all);
		model.addAttribute("older", entries.size() == PAGE ? entries.get(entries.size() - 1).id() : null);
		return "audit";
	}

}
