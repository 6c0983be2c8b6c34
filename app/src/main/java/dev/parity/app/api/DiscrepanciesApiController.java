package dev.parity.app.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.parity.app.console.DiscrepancyFilter;
import dev.parity.app.console.DiscrepancyJson;
import dev.parity.app.console.DiscrepancyReview;
import dev.parity.core.repository.DiscrepancyPage;

/** Discrepancies: filtered keyset pages (the JSON contract), one with its history, accept, CSV export. */
@RestController
@RequestMapping("/api/discrepancies")
@Tag(name = "discrepancies", description = "Review, accept and export discrepancies")
@ConditionalOnWebApplication
class DiscrepanciesApiController {

	private final DiscrepancyReview review;

	DiscrepanciesApiController(DiscrepancyReview review) {
		this.review = review;
	}

	/**
	 * A page: the discrepancies as in {@code ./parity discrepancies --format json}, the cursor of the
	 * next page ({@code ?after=}), null on the last, and how many match in all.
	 */
	record Page(List<Map<String, Object>> items, String next, int total) {
	}

	/** Why a discrepancy is accepted (mandatory). */
	record Accept(String reason) {
	}

	@GetMapping
	@Operation(summary = "Filter (table, type, status, critical, from, to: UTC days on lastSeen), sort "
			+ "(NEWEST, OLDEST, LAST_SEEN, TABLE) and page (after = the previous page's next; size up to 500)")
	Page page(@ModelAttribute DiscrepancyFilter filter, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "100") int size) {
		DiscrepancyPage page = review.page(filter.query(), filter.order(), after, size);
		return new Page(page.items().stream().map(DiscrepancyJson::element).toList(), page.next(), page.total());
	}

	@GetMapping("/export")
	@Operation(summary = "The whole filtered set as CSV (RFC 4180), streamed")
	void export(@ModelAttribute DiscrepancyFilter filter, HttpServletResponse response) throws IOException {
		review.export(filter, response);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One discrepancy with every run's sighting, the audited actions on it and its last status change")
	Map<String, Object> detail(@PathVariable long id) {
		DiscrepancyReview.Detail detail = review.detail(id);
		return Map.of("discrepancy", DiscrepancyJson.element(detail.discrepancy()), "sightings", detail.sightings(),
				"actions", detail.actions(), "lastChange", detail.lastChange() == null ? Map.of() : detail.lastChange());
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept (waive) an OPEN or FAILED discrepancy with a mandatory reason (OPERATOR; audited)")
	Map<String, Object> accept(@PathVariable long id, @RequestBody(required = false) Accept accept) {
		review.accept(id, accept == null ? null : accept.reason());
		return DiscrepancyJson.element(review.detail(id).discrepancy());
	}

}
