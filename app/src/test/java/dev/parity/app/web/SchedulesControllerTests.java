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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parity.core.repository.AuditLog;
import dev.parity.schedules.ScheduleOverview;
import dev.parity.schedules.ScheduleSynchronizer;

/**
 * The schedules page and {@code /api/schedules}: each schedule with its cron, state and next fire
 * time; an operator pauses and resumes its Quartz trigger (audited); an unknown schedule is a 404.
 */
@ConsoleTest
class SchedulesControllerTests extends ConsoleTestSupport {

	@Autowired
	ScheduleSynchronizer synchronizer;

	@Autowired
	ScheduleOverview overview;

	@Autowired
	AuditLog audit;

	@BeforeEach
	void given() {
		clearControl();
		// serve stores the triggers when Quartz starts; the tests' scheduler is not started.
		synchronizer.synchronize();
		synchronizer.resume("counts");
	}

	@Test
	void anOperatorPausesAndResumesATrigger() throws Exception {
		String page = mvc.perform(get("/schedules").with(user("olivia").roles("VIEWER", "OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("0 0 * * * ?").contains("SCHEDULED").contains(">Pause</button>");
		assertThat(mvc.perform(get("/schedules").with(user("victor").roles("VIEWER"))).andReturn().getResponse()
			.getContentAsString()).doesNotContain(">Pause</button>");

		mvc.perform(post("/schedules/counts/pause").with(csrf()).with(user("olivia").roles("VIEWER", "OPERATOR")))
			.andExpect(redirectedUrl("/schedules"));
		assertThat(overview.list()).singleElement().satisfies((e) -> assertThat(e.state()).isEqualTo("PAUSED"));
		mvc.perform(get("/api/schedules").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(jsonPath("$[0].state").value("PAUSED"));

		mvc.perform(post("/api/schedules/counts/resume").with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("SCHEDULED"));
		assertThat(overview.list()).singleElement().satisfies((e) -> assertThat(e.state()).isEqualTo("SCHEDULED"));
		assertThat(audit.byAction("SCHEDULE_PAUSED", 10)).singleElement()
			.satisfies((e) -> assertThat(e.actor()).isEqualTo("console:olivia"));
		assertThat(audit.byAction("SCHEDULE_RESUMED", 10)).singleElement()
			.satisfies((e) -> assertThat(e.detail()).isEqualTo("schedule counts resumed"));
	}

	@Test
	void anUnknownScheduleIsNotFound() throws Exception {
		mvc.perform(post("/api/schedules/diff/pause").with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("there is no stored schedule for 'diff'")));
	}

}
