package dev.parity.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** The OpenAPI description at {@code /api/docs} (springdoc) lists every API path and no page. */
@ConsoleTest
class OpenApiTests extends ConsoleTestSupport {

	@Test
	void theApiIsDescribedAtApiDocs() throws Exception {
		String docs = mvc.perform(get("/api/docs").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(docs).contains("\"openapi\"")
			.contains("/api/dashboard", "/api/jobs", "/api/jobs/{job}/launch", "/api/executions/{id}/stop",
					"/api/executions/{id}/restart", "/api/discrepancies", "/api/discrepancies/{id}/accept",
					"/api/discrepancies/export", "/api/audit", "/api/reports", "/api/reports/{name}/sign-off",
					"/api/schedules/{job}/pause", "/api/schedules/{job}/resume", "/api/tables/{table}/resume", "/api/me")
			.doesNotContain("\"/jobs/launch\"");
	}

}
