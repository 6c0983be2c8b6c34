package dev.parity.app.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parity.app.console.DiscrepancyFilter;
import dev.parity.app.console.DiscrepancyReview;
import dev.parity.core.repository.DiscrepancyPage;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.DiscrepancyType;

/** Discrepancies: filter, sort, keyset paging, one with its history, accept with a reason, CSV export. */
@Controller
@ConditionalOnWebApplication
class DiscrepanciesController {

	static final int PAGE = 50;

	private final DiscrepancyReview review;

	DiscrepanciesController(DiscrepancyReview review) {
		this.review = review;
	}

	@GetMapping("/discrepancies")
	String list(@ModelAttribute("filter") DiscrepancyFilter filter, @RequestParam(required = false) String after,
			Model model) {
		model.addAttribute("page", review.page(filter.query(), filter.order(), after, PAGE));
		model.addAttribute("first", after == null);
		model.addAttribute("tables", review.tables());
		model.addAttribute("types", DiscrepancyType.values());
		model.addAttribute("statuses", DiscrepancyStatus.values());
		model.addAttribute("sorts", DiscrepancyPage.Sort.values());
		return "discrepancies";
	}

	@GetMapping("/discrepancies/export.csv")
	void export(@ModelAttribute DiscrepancyFilter filter, HttpServletResponse response) throws IOException {
		review.export(filter, response);
	}

	@GetMapping("/discrepancies/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("detail", review.detail(id));
		return "discrepancy";
	}

	@PostMapping("/discrepancies/{id}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			review.accept(id, reason);
			redirect.addFlashAttribute("notice", "Discrepancy " + id + " accepted.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/discrepancies/" + id;
	}

}
