package dev.parity.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import dev.parity.core.repository.AuditLog;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports page and {@code /api/reports}: generating the sign-off PDF now (audited), listing,
 * downloading it (read back: a PDF with the verdict), an approver's sign-off shown on the list; only
 * file names of the report directory are served.
 */
@ConsoleTest
class ReportsControllerTests extends ConsoleTestSupport {

	@Autowired
	AuditLog audit;

	@BeforeEach
	void given() {
		clearControl();
	}

	@Test
	void generateListDownloadAndSignOff() throws Exception {
		mvc.perform(post("/reports").with(csrf()).with(user("olivia").roles("VIEWER", "OPERATOR")))
			.andExpect(redirectedUrl("/reports"));
		String name = audit.byAction("REPORT_GENERATED", 1).get(0).detail();
		assertThat(name).matches("signoff-\\d{8}-\\d{6}\\.pdf");
		String page = mvc.perform(get("/reports").with(user("ann").roles("VIEWER", "APPROVER")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(name).contains("not signed off").contains(">Sign off</button>");

		byte[] pdf = mvc.perform(get("/reports/" + name).with(user("victor").roles("VIEWER")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		PdfReader reader = new PdfReader(new ByteArrayInputStream(pdf));
		assertThat(reader.getNumberOfPages()).isPositive();
		assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("NOT READY");

		mvc.perform(post("/reports/" + name + "/sign-off").with(csrf()).with(user("ann").roles("VIEWER", "APPROVER")))
			.andExpect(redirectedUrl("/reports"));
		assertThat(mvc.perform(get("/reports").with(user("victor").roles("VIEWER"))).andReturn().getResponse()
			.getContentAsString()).contains("signed off by console:ann");
		mvc.perform(get("/api/reports").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(jsonPath("$[0].name").value(name))
			.andExpect(jsonPath("$[0].signedOffBy").value("console:ann"));
	}

	@Test
	void theApiGeneratesAndServesOnlyReportsOfTheDirectory() throws Exception {
		String created = mvc.perform(post("/api/reports").with(httpBasic("ann", ConsoleFixture.PASSWORD)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String name = JsonMapper.builder().build().readTree(created).get("name").asString();
		byte[] pdf = mvc.perform(get("/api/reports/" + name).with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		mvc.perform(get("/api/reports/parity.yml").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/reports/..%2Fdemo%2Fparity.pdf").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
			.andExpect(status().is4xxClientError());
		// A symbolic link in the folder, named like a report, pointing outside it: neither listed nor served.
		java.nio.file.Path outside = java.nio.file.Files.writeString(ConsoleFixture.dir().resolve("secret.pdf"), "%PDF-secret");
		java.nio.file.Path link = ConsoleFixture.dir().resolve("reports").resolve("linked.pdf");
		java.nio.file.Files.deleteIfExists(link);
		java.nio.file.Files.createSymbolicLink(link, outside);
		try {
			mvc.perform(get("/api/reports/linked.pdf").with(httpBasic("victor", ConsoleFixture.PASSWORD)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.error").value("there is no report named 'linked.pdf'"));
			mvc.perform(get("/reports/linked.pdf").with(user("victor").roles("VIEWER"))).andExpect(status().isNotFound());
			assertThat(mvc.perform(get("/api/reports").with(httpBasic("victor", ConsoleFixture.PASSWORD))).andReturn()
				.getResponse().getContentAsString()).contains(name).doesNotContain("linked.pdf");
		}
		finally {
			java.nio.file.Files.delete(link);
		}
		mvc.perform(post("/api/reports/nosuch.pdf/sign-off").with(httpBasic("ann", ConsoleFixture.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("there is no report named 'nosuch.pdf'"));
	}

}
