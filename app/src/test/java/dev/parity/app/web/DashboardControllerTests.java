package dev.parity.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parity.core.repository.AuditLog;
import dev.parity.core.repository.CheckResultRepository;
import dev.parity.core.repository.CountResult;
import dev.parity.core.repository.DiffRepository;
import dev.parity.core.repository.DiffStats;
import dev.parity.core.repository.DiscrepancyRepository;
import dev.parity.core.repository.RunRepository;
import dev.parity.core.repository.SchemaRepository;

/**
 * The dashboard and {@code /api/dashboard}: the verdict and every criterion, each table pair's latest
 * counts, match rate, in-flight rows, lag alert, open discrepancies by type, paused state; the trend
 * chart as server-side SVG; resuming a paused table (operators; audited).
 */
@ConsoleTest
class DashboardControllerTests extends ConsoleTestSupport {

	private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");

	private static final Instant T2 = Instant.parse("2026-11-21T10:00:00Z");

	@Autowired
	RunRepository runs;

	@Autowired
	CheckResultRepository results;

	@Autowired
	DiffRepository diffs;

	@Autowired
	DiscrepancyRepository discrepancies;

	@Autowired
	SchemaRepository schemas;

	@Autowired
	AuditLog audit;

	@BeforeEach
	void given() {
		clearControl();
		long counts = ConsoleData.run(runs, "countsJob", T1);
		CountResult customers = new CountResult("customers", true, 1000, 998, 4, 2, 0.002, 0.0001,
				LocalDateTime.parse("2026-11-20T10:00:00"), LocalDateTime.parse("2026-11-20T09:30:00"), Duration.ofSeconds(1));
		results.saveCounts(counts, customers, T1);
		results.saveLagAlert(counts, customers, 900, T1);
		long diff1 = ConsoleData.run(runs, "diffJob", T1);
		diffs.saveResult(diff1, new DiffStats("customers", 1000, 990, 3, 4000, 20), 0.999, Duration.ofSeconds(2), T1);
		long diff2 = ConsoleData.run(runs, "diffJob", T2);
		diffs.saveResult(diff2, new DiffStats("customers", 1000, 999, 0, 4000, 2), 0.999, Duration.ofSeconds(2), T2);
		ConsoleData.fieldMismatch(discrepancies, diff2, "customers", "1", "email", "a", "b", T2);
		ConsoleData.fieldMismatch(discrepancies, diff2, "customers", "2", "email", "a", "b", T2);
		schemas.pause("suppliers", "source column phone neither mapped nor ignored", T2);
	}

	@Test
	void theDashboardShowsTheVerdictCriteriaAndEachTablePair() throws Exception {
		String page = mvc.perform(get("/").with(user("victor").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("NOT READY")
			.contains("critical defects")
			.contains("record-count variance (every table)")
			.contains("field match rate (every table)")
			.contains("target response time at peak (p95)")
			.contains("1,000</span> source")
			.contains("variance <span>0.2000 %</span>")
			.contains("99.9500 %</span> of fields match")
			.contains("4 source · 2 target")
			.contains("target 30 min behind (alert)")
			.contains("field mismatch: 2")
			.contains("hx-get=\"/tables/customers/trend\"")
			.contains("paused")
			.doesNotContain("Resume after review");
		assertThat(mvc.perform(get("/").with(user("olivia").roles("VIEWER", "OPERATOR"))).andReturn().getResponse()
			.getContentAsString()).contains("Resume after review");

		mvc.perform(get("/api/dashboard").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.readiness.criteria.length()").value(4))
			.andExpect(jsonPath("$.tables[0].name").value("customers"))
			.andExpect(jsonPath("$.tables[0].diff.matchRate").value(0.9995))
			.andExpect(jsonPath("$.tables[0].counts.lagSeconds").value(1800))
			.andExpect(jsonPath("$.tables[0].open.FIELD_MISMATCH").value(2))
			.andExpect(jsonPath("$.tables[4].name").value("suppliers"))
			.andExpect(jsonPath("$.tables[4].paused").value(true));
	}

	@Test
	void theTrendIsDrawnServerSideAsSvg() throws Exception {
		String svg = mvc.perform(get("/tables/customers/trend").with(user("victor").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(svg).startsWith("<svg").contains("<polyline").contains("field match rate (%)").contains("open discrepancies")
			.doesNotContain("style=");
		mvc.perform(get("/api/tables/customers/trend").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isOk())
			// One point per check time: the counts and the first diff share T1.
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].matchRatePercent").value(99.5))
			.andExpect(jsonPath("$[1].matchRatePercent").value(99.95))
			.andExpect(jsonPath("$[1].openDiscrepancies").value(2));
		mvc.perform(get("/tables/ghosts/trend").with(user("victor").roles("VIEWER"))).andExpect(status().isNotFound());
	}

	@Test
	void anOperatorResumesAPausedTableAndItIsAudited() throws Exception {
		mvc.perform(post("/tables/suppliers/resume").with(csrf()).with(user("olivia").roles("VIEWER", "OPERATOR")))
			.andExpect(redirectedUrl("/"));
		assertThat(schemas.isPaused("suppliers")).isFalse();
		assertThat(audit.byAction("RESUME", 10)).singleElement().satisfies((e) -> {
			assertThat(e.actor()).isEqualTo("console:olivia");
			assertThat(e.table()).isEqualTo("suppliers");
			assertThat(e.detail()).isEqualTo("resumed after review; was paused for: source column phone neither mapped nor ignored");
		});
		mvc.perform(post("/api/tables/suppliers/resume").with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("suppliers is not paused; nothing to resume"));
	}

}
