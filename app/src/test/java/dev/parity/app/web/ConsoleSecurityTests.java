package dev.parity.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every role rule, by page and by API: a VIEWER gets 403 on each mutating endpoint; anonymous requests
 * are sent to the login form (pages) or get 401 (API); an OPERATOR passes the rule (whatever the
 * action then answers); sign-off needs an APPROVER; pages need a CSRF token, the API does not; the
 * cutover paths of issue #11 included; secure headers on every answer.
 */
@ConsoleTest
class ConsoleSecurityTests extends ConsoleTestSupport {

	/** Every mutating page action (form posts) that needs OPERATOR. */
	static final List<String> OPERATOR_PAGES = List.of("/jobs/launch?job=counts", "/executions/1/stop",
			"/executions/1/restart", "/discrepancies/1/accept?reason=ok", "/tables/customers/resume",
			"/schedules/counts/pause", "/schedules/counts/resume", "/reports");

	/** Every mutating API call that needs OPERATOR (the cutover ones of issue #11 included). */
	static final List<String> OPERATOR_API = List.of("/api/jobs/counts/launch", "/api/executions/1/stop",
			"/api/executions/1/restart", "/api/discrepancies/1/accept", "/api/tables/customers/resume",
			"/api/schedules/counts/pause", "/api/schedules/counts/resume", "/api/reports", "/api/cutover/advance",
			"/api/cutover/rollback", "/api/metrics");

	static final List<String> PAGES = List.of("/", "/jobs", "/jobs/executions", "/discrepancies", "/audit", "/reports",
			"/schedules", "/discrepancies/export.csv");

	static final List<String> API_READS = List.of("/api/dashboard", "/api/jobs", "/api/executions", "/api/discrepancies",
			"/api/audit", "/api/reports", "/api/schedules", "/api/me", "/api/docs", "/api/discrepancies/export");

	static Stream<String> operatorPages() {
		return OPERATOR_PAGES.stream();
	}

	static Stream<String> operatorApi() {
		return OPERATOR_API.stream();
	}

	static Stream<String> signOffs() {
		return Stream.of("/reports/signoff-x.pdf/sign-off", "/api/reports/signoff-x.pdf/sign-off");
	}

	@ParameterizedTest
	@MethodSource("operatorPages")
	void aViewerIsRefusedEveryMutatingPageAction(String path) throws Exception {
		mvc.perform(post(path).with(csrf()).with(user("victor").roles("VIEWER"))).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@MethodSource("operatorApi")
	void aViewerIsRefusedEveryMutatingApiCall(String path) throws Exception {
		mvc.perform(json(post(path)).with(httpBasic("victor", ConsoleFixture.PASSWORD))).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@MethodSource("operatorPages")
	void anApproverWithoutOperatorIsRefusedOperatorPageActionsButMayGenerateReports(String path) throws Exception {
		var result = mvc.perform(post(path).with(csrf()).with(user("ann").roles("VIEWER", "APPROVER")));
		if (path.equals("/reports")) {
			result.andExpect(status().is3xxRedirection());
		}
		else {
			result.andExpect(status().isForbidden());
		}
	}

	@ParameterizedTest
	@MethodSource("operatorPages")
	void anonymousPageActionsGoToTheLoginForm(String path) throws Exception {
		mvc.perform(post(path).with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@ParameterizedTest
	@MethodSource("operatorApi")
	void anonymousApiCallsGet401(String path) throws Exception {
		mvc.perform(json(post(path))).andExpect(status().isUnauthorized());
	}

	@ParameterizedTest
	@MethodSource("operatorApi")
	void anOperatorPassesEveryMutatingApiRule(String path) throws Exception {
		int status = mvc.perform(json(post(path)).with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus();
		// The rule let the call through: the action's own answer (done, 404 unknown, 409 not now), never 401/403.
		assertThat(status).as(path).isNotIn(401, 403);
	}

	@ParameterizedTest
	@MethodSource("operatorPages")
	void anOperatorPassesEveryMutatingPageRuleButOnlyWithACsrfToken(String path) throws Exception {
		int status = mvc.perform(post(path).with(csrf()).with(user("olivia").roles("VIEWER", "OPERATOR")))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).as(path).isNotIn(401, 403);
		mvc.perform(post(path).with(user("olivia").roles("VIEWER", "OPERATOR"))).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@MethodSource("signOffs")
	void signingOffNeedsAnApprover(String path) throws Exception {
		boolean api = path.startsWith("/api");
		mvc.perform(signOff(post(path), api, "olivia")).andExpect(status().isForbidden());
		mvc.perform(signOff(post(path), api, "victor")).andExpect(status().isForbidden());
		// The approver passes the rule; the report does not exist.
		mvc.perform(signOff(post(path), api, "ann")).andExpect(status().isNotFound());
	}

	private static MockHttpServletRequestBuilder signOff(MockHttpServletRequestBuilder request, boolean api, String name) {
		if (api) {
			return request.with(httpBasic(name, ConsoleFixture.PASSWORD));
		}
		String[] roles = switch (name) {
			case "ann" -> new String[] { "VIEWER", "APPROVER" };
			case "olivia" -> new String[] { "VIEWER", "OPERATOR" };
			default -> new String[] { "VIEWER" };
		};
		return request.with(csrf()).with(user(name).roles(roles));
	}

	@Test
	void everyPageAndApiResourceIsReadableByAViewerAndByNobodyElse() throws Exception {
		for (String page : PAGES) {
			mvc.perform(get(page).with(user("victor").roles("VIEWER"))).andExpect(status().isOk());
			mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		}
		for (String resource : API_READS) {
			mvc.perform(get(resource).with(httpBasic("victor", ConsoleFixture.PASSWORD))).andExpect(status().isOk());
			mvc.perform(get(resource)).andExpect(status().isUnauthorized());
		}
	}

	@Test
	void theCutoverStatusNeedsAnyUserAndTheApiRejectsAWrongPassword() throws Exception {
		mvc.perform(get("/api/cutover")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/cutover").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.phase").value("SHADOW"));
		// Prometheus scrapes with a VIEWER account, like an API client
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/me").with(httpBasic("victor", "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	void theApiKeepsNoSessionAndNeedsNoCsrfToken() throws Exception {
		var response = mvc.perform(get("/api/me").with(httpBasic("olivia", ConsoleFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentAsString()).contains("\"name\":\"olivia\"").contains("OPERATOR").contains("VIEWER");
		assertThat(response.getHeader("Set-Cookie")).isNull();
	}

	@Test
	void formLoginChecksTheBcryptHashFromParityYml() throws Exception {
		mvc.perform(formLogin("/login").user("olivia").password(ConsoleFixture.PASSWORD)).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user("olivia").password("wrong")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/webjars/htmx.org/dist/htmx.min.js", "/console.css", "/console.js" })
	void healthAndTheConsolesOwnAssetsNeedNoLogin(String path) throws Exception {
		mvc.perform(get(path)).andExpect(status().isOk());
	}

	@Test
	void everyAnswerCarriesSecureHeaders() throws Exception {
		for (var request : List.of(get("/").with(user("victor").roles("VIEWER")),
				get("/api/me").with(httpBasic("victor", ConsoleFixture.PASSWORD)), get("/login"))) {
			mvc.perform(request)
				.andExpect(header().string("Content-Security-Policy",
						org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("default-src 'self'"),
								org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Referrer-Policy", "same-origin"))
				.andExpect(header().exists("Cache-Control"));
		}
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request) {
		return request.contentType(MediaType.APPLICATION_JSON).content("{}");
	}

	static SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor operator() {
		return user("olivia").roles("VIEWER", "OPERATOR");
	}

}
