package dev.parity.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.FixEntry;
import dev.parity.core.repository.FixJournal;
import dev.parity.core.repository.FixStatus;
import dev.parity.core.repository.RunRepository;

/**
 * The reconciliation audit page and {@code /api/audit}: every fix with the target's rows before and
 * after, its rule, trigger and who; every other audited action on request; pages of 50, newest first.
 */
@ConsoleTest
class AuditControllerTests extends ConsoleTestSupport {

	private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

	@Autowired
	FixJournal journal;

	@Autowired
	AuditLog audit;

	@Autowired
	RunRepository runs;

	@BeforeEach
	void given() {
		clearControl();
		long run = ConsoleData.run(runs, "reconcileJob", AT);
		List<FixEntry> entries = List.of(new FixEntry("customers", Map.of("id", "42"), List.of(17L), "UPDATE", "update",
				FixStatus.INTENT, "[{\"id\":\"42\",\"email\":\"old@x.org\"}]", "[{\"id\":\"42\",\"email\":\"new@x.org\"}]",
				"update customer set email = ? where id = ?", "field differs"));
		journal.begin(run, "chunk-1", entries, "console:olivia", AT);
		journal.confirm(run, "chunk-1", entries, Map.of(), "console:olivia", AT);
		for (int i = 0; i < 55; i++) {
			audit.record("console:olivia", "ACCEPT", "orders", (long) i, null, "accepted: reason " + i, AT.plusSeconds(i));
		}
	}

	@Test
	void everyFixShowsItsRowsBeforeAndAfterRuleTriggerAndWho() throws Exception {
		String page = mvc.perform(get("/audit").with(user("victor").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("reconcile-update")
			.contains("console:olivia")
			.contains("old@x.org")
			.contains("new@x.org")
			.contains(">id=42</td>")
			.doesNotContain("accepted: reason");
		mvc.perform(get("/api/audit").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].action").value("reconcile-update"))
			.andExpect(jsonPath("$[0].rule").value("update"))
			.andExpect(jsonPath("$[0].trigger").value("console:olivia"))
			.andExpect(jsonPath("$[0].before").value("[{\"id\":\"42\",\"email\":\"old@x.org\"}]"));
	}

	@Test
	void everyActionPagesNewestFirst() throws Exception {
		String first = mvc.perform(get("/audit?all=true").with(user("victor").roles("VIEWER")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("accepted: reason 54").contains("accepted: reason 5<").doesNotContain("accepted: reason 4<")
			.contains("older »");
		long oldestShown = audit.page(false, null, 50).get(49).id();
		String older = mvc.perform(get("/audit?all=true&before=" + oldestShown).with(user("victor").roles("VIEWER")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(older).contains("accepted: reason 4<").contains("accepted: reason 0<").contains("reconcile-update")
			.doesNotContain("older »");
		mvc.perform(get("/api/audit?fixesOnly=false&limit=10").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(jsonPath("$.length()").value(10))
			.andExpect(jsonPath("$[0].detail").value("accepted: reason 54"));
	}

}
