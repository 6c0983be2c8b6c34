package dev.parity.app.console;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parity.app.security.CurrentUser;
import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.Discrepancy;
import dev.parity.core.repository.DiscrepancyPage;
import dev.parity.core.repository.DiscrepancyQuery;
import dev.parity.core.repository.DiscrepancyRepository;

/** Reviewing discrepancies: pages, one with its history, accepting (audited), the filtered set for export. */
@Service
@ConditionalOnWebApplication
public class DiscrepancyReview {

	/** The longest page a client may ask for. */
	public static final int MAX_PAGE = 500;

	/** The longest accept reason stored. */
	static final int MAX_REASON = 4000;

	private final DiscrepancyRepository discrepancies;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DiscrepancyReview(DiscrepancyRepository discrepancies, AuditLog audit, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.discrepancies = discrepancies;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	public DiscrepancyPage page(DiscrepancyQuery query, DiscrepancyPage.Sort sort, String after, int size) {
		return discrepancies.page(query, sort, after, Math.max(1, Math.min(size, MAX_PAGE)));
	}

	/**
	 * One discrepancy with its history: every run's sighting, the audit entries about it (fixes,
	 * acceptance), and its last status change.
	 */
	public record Detail(Discrepancy discrepancy, List<DiscrepancyRepository.Sighting> sightings,
			List<AuditLog.Entry> actions, DiscrepancyRepository.StatusChange lastChange) {
	}

	public Detail detail(long id) {
		Discrepancy d = discrepancies.get(id)
			.orElseThrow(() -> new NoSuchElementException("there is no discrepancy " + id));
		return new Detail(d, discrepancies.sightings(id), audit.forDiscrepancy(id),
				discrepancies.lastStatusChange(id).orElse(null));
	}

	/**
	 * Accepts (waives) discrepancy {@code id} for the current user, with a mandatory reason; the status
	 * change and its audit entry ({@code ACCEPT}) are one transaction.
	 * @throws IllegalArgumentException when the reason is blank or too long
	 * @throws NoSuchElementException when there is no such discrepancy
	 * @throws IllegalStateException when it is not OPEN or FAILED
	 */
	public void accept(long id, String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new IllegalArgumentException("a reason is required to accept a discrepancy");
		}
		if (why.length() > MAX_REASON) {
			throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
		}
		CurrentUser user = CurrentUser.get();
		transaction.executeWithoutResult((status) -> {
			Discrepancy d = discrepancies.get(id)
				.orElseThrow(() -> new NoSuchElementException("there is no discrepancy " + id));
			if (!discrepancies.accept(id, user.actor(), why, clock.instant())) {
				throw new IllegalStateException("discrepancy " + id + " is " + d.status()
						+ "; only an OPEN or FAILED discrepancy can be accepted");
			}
			audit.record(user.actor(), "ACCEPT", d.table(), id, null, "accepted: " + why, clock.instant());
		});
	}

	/** Every discrepancy matching {@code query} in {@code sort} order, read a page at a time (for export). */
	public Iterable<Discrepancy> all(DiscrepancyQuery query, DiscrepancyPage.Sort sort) {
		return () -> new Iterator<>() {

			private DiscrepancyPage page = discrepancies.page(query, sort, null, MAX_PAGE);

			private int index;

			@Override
			public boolean hasNext() {
				if (index < page.items().size()) {
					return true;
				}
				if (page.next() == null) {
					return false;
				}
				page = discrepancies.page(query, sort, page.next(), MAX_PAGE);
				index = 0;
				return !page.items().isEmpty();
			}

			@Override
			public Discrepancy next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return page.items().get(index++);
			}
		};
	}

	/**
	 * Answers with every discrepancy matching {@code filter} as a CSV download (the CLI's columns),
	 * read a page at a time. A bad filter throws before anything is written.
	 */
	public void export(DiscrepancyFilter filter, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		DiscrepancyQuery query = filter.query();
		DiscrepancyPage.Sort sort = filter.order();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"discrepancies.csv\"");
		dev.parity.reports.DiscrepancyCsvWriter.write(new java.io.OutputStreamWriter(response.getOutputStream(),
				java.nio.charset.StandardCharsets.UTF_8), all(query, sort));
	}

	/** Table names that have discrepancies (for the filter). */
	public List<String> tables() {
		return discrepancies.tables();
	}

}
