package dev.parity.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.parity.app.ParityApplication;

/**
 * {@code serve --insecure-local}: no login; every request acts as {@code local} with every role (the
 * command binds 127.0.0.1 only, see ServeCommandTests); pages still need a CSRF token.
 */
@SpringBootTest(classes = { ParityApplication.class, ConsoleTest.Config.class },
		properties = "parity.console.insecure-local=true")
@AutoConfigureMockMvc
class InsecureLocalTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyRequestIsTheLocalUserWithEveryRole() throws Exception {
		assertThat(mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("local").contains("viewer, operator, approver").doesNotContain("Sign out");
		mvc.perform(get("/api/me"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("local"))
			.andExpect(jsonPath("$.roles.length()").value(3));
		mvc.perform(post("/api/reports/nosuch.pdf/sign-off")).andExpect(status().isNotFound());
		mvc.perform(post("/schedules/counts/pause")).andExpect(status().isForbidden());
	}

}
