package dev.parity.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.DiscrepancyStatus;
import dev.parity.core.repository.DiscrepancyType;
import dev.parity.core.repository.Finding;
import dev.parity.core.repository.RunRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The discrepancies page and {@code /api/discrepancies}: filters, sorts and keyset pages that list each
 * discrepancy exactly once, the detail with source and target and its history, accepting with a
 * mandatory reason (audited with the user), bad filters as one sentence, the filtered CSV export.
 */
@ConsoleTest
class DiscrepanciesControllerTests extends ConsoleTestSupport {

	private static final Instant DAY1 = Instant.parse("2026-11-20T10:00:00Z");

	private static final Instant DAY2 = Instant.parse("2026-11-22T10:00:00Z");

	@Autowired
	DiscrepancyRepository discrepancies;

	@Autowired
	RunRepository runs;

	@Autowired
	AuditLog audit;

	private final List<Long> customerIds = new ArrayList<>();

	private long missing;

	@BeforeEach
	void given() {
		clearControl();
		long run1 = ConsoleData.run(runs, "diffJob", DAY1);
		long run2 = ConsoleData.run(runs, "diffJob", DAY2);
		customerIds.clear();
		for (int i = 1; i <= 5; i++) {
			customerIds.add(ConsoleData.fieldMismatch(discrepancies, run1, "customers", String.valueOf(i), "email",
					"a" + i + "@x.org", "b" + i + "@x.org", DAY1));
		}
		// Seen again on day 2: one more sighting in its history.
		ConsoleData.fieldMismatch(discrepancies, run2, "customers", "1", "email", "a1@x.org", "c1@x.org", DAY2);
		missing = discrepancies.record(run2, new Finding("orders", Map.of("id", "7"), DiscrepancyType.MISSING_IN_TARGET,
				null, "{\"id\":\"7\",\"total\":\"10.5\"}", null, false), DAY2);
		discrepancies.record(run2, new Finding("orders", Map.of("id", "8"), DiscrepancyType.MISSING_IN_TARGET, null,
				"{\"id\":\"8\"}", null, false), DAY2);
	}

	@Test
	void pagesListEveryDiscrepancyExactlyOnceInEachOrder() throws Exception {
		for (String sort : List.of("NEWEST", "OLDEST", "LAST_SEEN", "TABLE")) {
			List<Long> seen = new ArrayList<>();
			List<JsonNode> items = new ArrayList<>();
			String after = null;
			do {
				var request = get("/api/discrepancies").param("size", "3").param("sort", sort);
				if (after != null) {
					request.param("after", after);
				}
				JsonNode page = JsonMapper.builder()
					.build()
					.readTree(mvc.perform(request.with(httpBasic("victor", ConsoleFixture.PASSWORD)))
						.andExpect(status().isOk())
						.andReturn()
						.getResponse()
						.getContentAsString());
				assertThat(page.get("total").asInt()).isEqualTo(7);
				page.get("items").forEach((item) -> {
					seen.add(item.get("id").asLong());
					items.add(item);
				});
				after = page.get("next").isNull() ? null : page.get("next").asString();
			}
			while (after != null);
			assertThat(seen).as(sort).hasSize(7).doesNotHaveDuplicates();
			switch (sort) {
				case "NEWEST" -> assertThat(seen).isSortedAccordingTo(java.util.Comparator.reverseOrder());
				case "OLDEST" -> assertThat(seen).isSorted();
				case "LAST_SEEN" -> assertThat(items.stream().map((i) -> i.get("lastSeen").asString()).toList())
					.isSortedAccordingTo(java.util.Comparator.reverseOrder());
				default -> assertThat(items.stream().map((i) -> i.get("table").asString()).toList())
					.containsExactly("customers", "customers", "customers", "customers", "customers", "orders", "orders");
			}
		}
	}

	@Test
	void filtersNarrowTheSetAndTheItemsFollowTheJsonContract() throws Exception {
		JsonNode missingOnly = api("/api/discrepancies?type=MISSING_IN_TARGET");
		assertThat(missingOnly.get("total").asInt()).isEqualTo(2);
		JsonNode first = missingOnly.get("items").get(0);
		assertThat(first.get("table").asString()).isEqualTo("orders");
		assertThat(first.get("key").get("id").asString()).isEqualTo("8");
		assertThat(first.get("type").asString()).isEqualTo("MISSING_IN_TARGET");
		assertThat(first.get("status").asString()).isEqualTo("OPEN");
		assertThat(first.get("critical").asBoolean()).isFalse();
		assertThat(first.get("lastSeen").asString()).isEqualTo("2026-11-22T10:00:00Z");
		assertThat(api("/api/discrepancies?critical=true").get("total").asInt()).isEqualTo(5);
		assertThat(api("/api/discrepancies?table=customers&from=2026-11-22&to=2026-11-22").get("total").asInt()).isEqualTo(1);
		assertThat(api("/api/discrepancies?to=2026-11-21").get("total").asInt()).isEqualTo(4);
		assertThat(api("/api/discrepancies?status=accepted").get("total").asInt()).isZero();

		String page = mvc.perform(get("/discrepancies?table=orders").with(user("victor").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("2 match").contains("MISSING_IN_TARGET").doesNotContain("FIELD_MISMATCH</span>");
	}

	@Test
	void aFilterThatDoesNotParseIsOneSentence() throws Exception {
		mvc.perform(get("/api/discrepancies?type=FIELD").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("type must be one of [MISSING_IN_TARGET")));
		mvc.perform(get("/discrepancies?from=yesterday").with(user("victor").roles("VIEWER")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("from must be a date such as 2026-11-23, not")));
		mvc.perform(get("/api/discrepancies?sort=TABLE&after=garbage").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aControlCharacterOrAMistypedParameterIsA400NamingTheParameterInThePagesFormat() throws Exception {
		mvc.perform(get("/api/discrepancies").param("table", "\u0000").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.error").value("parameter 'table' contains the control character U+0000, which no filter"
					+ " or value can hold; remove it"));
		mvc.perform(get("/discrepancies").param("table", "\u0000").with(user("victor").roles("VIEWER")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("parameter &#39;table&#39; contains the control character U+0000")));
		mvc.perform(get("/api/discrepancies?size=abc").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("size must be a whole number, not 'abc'"));
		mvc.perform(get("/api/discrepancies/abc").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("id must be a whole number, not 'abc'"));
		mvc.perform(get("/discrepancies/abc").with(user("victor").roles("VIEWER")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id must be a whole number, not &#39;abc&#39;")));
	}

	@Test
	void theDetailShowsBothSidesAndTheHistory() throws Exception {
		long id = customerIds.get(0);
		String page = mvc.perform(get("/discrepancies/" + id).with(user("victor").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("a1@x.org").contains("c1@x.org").contains("seen by run").doesNotContain("Accept (waive)");
		JsonNode detail = api("/api/discrepancies/" + id);
		assertThat(detail.get("sightings")).hasSize(2);
		assertThat(detail.get("sightings").get(0).get("target").asString()).isEqualTo("b1@x.org");
		assertThat(detail.get("discrepancy").get("target").asString()).isEqualTo("c1@x.org");
		mvc.perform(get("/discrepancies/999999").with(user("victor").roles("VIEWER"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/discrepancies/999999").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("there is no discrepancy 999999"));
	}

	@Test
	void acceptingNeedsAReasonAndIsAuditedWithTheUser() throws Exception {
		long id = customerIds.get(1);
		mvc.perform(post("/discrepancies/" + id + "/accept").param("reason", "  ").with(csrf()).with(user("olivia").roles("VIEWER", "OPERATOR")))
			.andExpect(redirectedUrl("/discrepancies/" + id))
			.andExpect(flash().attribute("error", "a reason is required to accept a discrepancy"));
		assertThat(discrepancies.get(id).orElseThrow().status()).isEqualTo(DiscrepancyStatus.OPEN);

		mvc.perform(post("/discrepancies/" + id + "/accept").param("reason", "legacy typo, agreed with the data owner")
			.with(csrf())
			.with(user("olivia").roles("VIEWER", "OPERATOR"))).andExpect(redirectedUrl("/discrepancies/" + id));
		assertThat(discrepancies.get(id).orElseThrow().status()).isEqualTo(DiscrepancyStatus.ACCEPTED);
		assertThat(audit.forDiscrepancy(id)).singleElement().satisfies((e) -> {
			assertThat(e.actor()).isEqualTo("console:olivia");
			assertThat(e.action()).isEqualTo("ACCEPT");
			assertThat(e.detail()).isEqualTo("accepted: legacy typo, agreed with the data owner");
		});
		String detail = mvc.perform(get("/discrepancies/" + id).with(user("olivia").roles("VIEWER", "OPERATOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("ACCEPTED").contains("console:olivia").doesNotContain("Accept (waive)");

		// Once accepted it cannot be accepted again.
		mvc.perform(post("/api/discrepancies/" + id + "/accept").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"again\"}")
			.with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("discrepancy " + id + " is ACCEPTED; only an OPEN or FAILED discrepancy can be accepted"));
		mvc.perform(post("/api/discrepancies/" + missing + "/accept").contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.with(httpBasic("olivia", ConsoleFixture.PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(post("/api/discrepancies/" + missing + "/accept").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"row deleted on purpose\"}")
			.with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
	}

	@Test
	void theFilteredSetExportsAsCsv() throws Exception {
		for (String path : List.of("/discrepancies/export.csv?table=orders", "/api/discrepancies/export?table=orders")) {
			var request = path.startsWith("/api") ? get(path).with(httpBasic("victor", ConsoleFixture.PASSWORD))
					: get(path).with(user("victor").roles("VIEWER"));
			String csv = mvc.perform(request)
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("text/csv"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(csv.split("\r\n")).hasSize(3)
				.startsWith("id,table,key,type,column,source,target,status,critical,firstSeen,lastSeen");
			assertThat(csv).contains("MISSING_IN_TARGET").doesNotContain("customers");
		}
	}

	private JsonNode api(String path) throws Exception {
		String body = mvc.perform(get(path).with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonMapper.builder().build().readTree(body);
	}

}
